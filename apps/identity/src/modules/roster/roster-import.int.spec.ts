import { decodeEvent, Topics } from '@edu/contracts';
import { DomainError } from '@edu/errors';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../../../test/support/stack.js';
import { IDENTITY_MIGRATIONS } from '../../migrations/index.js';
import { csv, rosterPipeline, STUDENTS_HEADER, studentRow } from './roster-test-kit.js';

/** The student roster import against the real PostgreSQL, in a throwaway schema. */
describe('student roster import', () => {
  const env = stackEnv();
  const schema = `itest_roster_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;
  let roster: ReturnType<typeof rosterPipeline>;

  const outbox = async (topic: string) => {
    const rows: Array<{ payload: Buffer }> = await ds.query('SELECT payload FROM outbox WHERE topic = $1 ORDER BY id', [topic]);
    return rows.map((r) => decodeEvent(Topics.StudentEnrolled, r.payload).payload);
  };
  const count = async (sql: string) => Number((await ds.query(sql))[0].n);
  const report = (id: string) => roster.imports.problems(id, null, 1000);

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: IDENTITY_MIGRATIONS, poolSize: 4 });
    await ds.query(`INSERT INTO organisations (code, name, level, parent_code, status) VALUES
      ('31000000', 'Sở GD&ĐT Hải Phòng', 'SO', NULL, 'ACTIVE'),
      ('31000101', 'Trường THPT Trần Phú', 'THPT', '31000000', 'ACTIVE'),
      ('31000102', 'Trường THPT Ngô Quyền', 'THPT', '31000000', 'ACTIVE'),
      ('31020201', 'Trường THCS Lê Chân', 'THCS', '31000000', 'ACTIVE'),
      ('31000199', 'Trường THPT đã đóng', 'THPT', '31000000', 'CLOSED')`);
    roster = rosterPipeline(ds);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('imports a file with a BOM and Vietnamese names, then a re-import changes nothing and announces nothing', async () => {
    const rows = [1, 2, 3].map((n) => studentRow(n));
    const first = await roster.run(`\uFEFF${csv(STUDENTS_HEADER, rows)}`);
    expect(first).toMatchObject({ status: 'DONE', rowsRead: 3, rowsValid: 3, rowsApplied: 3, rowsUnchanged: 0, problemCount: 0 });
    const [student] = await ds.query(`SELECT full_name FROM students WHERE full_name = 'Nguyễn Thị Hồng 1'`);
    expect(student).toBeDefined();
    const events = await outbox(Topics.StudentEnrolled);
    expect(events).toHaveLength(3);
    expect(events.find((e) => e.fullName === 'Nguyễn Thị Hồng 1')).toMatchObject({ schoolCode: '31000101', grade: 10, schoolYear: '2025-2026', previousSchoolCode: '' });

    // The same file again, this time with decomposed (NFD) diacritics as some systems write them.
    const again = await roster.run(csv(STUDENTS_HEADER, rows).normalize('NFD'));
    expect(again).toMatchObject({ status: 'DONE', rowsApplied: 0, rowsUnchanged: 3, problemCount: 0 });
    expect(await outbox(Topics.StudentEnrolled)).toHaveLength(3);
    expect(await count(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '${schema}' AND table_name LIKE 'roster_rows_%'`)).toBe(0);
  });

  it('keeps the student ID on a transfer and records the previous school, in history and in the event', async () => {
    await roster.run(csv(STUDENTS_HEADER, [studentRow(10)]));
    const moved = await roster.run(csv(STUDENTS_HEADER, [studentRow(10, { school: '31000102', className: '10A3' })]));
    expect(moved).toMatchObject({ status: 'DONE', rowsApplied: 1 });
    const id = studentRow(10).split(',')[0];
    const [enrolment] = await ds.query('SELECT school_code, class_name, previous_school_code FROM enrolments WHERE student_id = $1', [id]);
    expect(enrolment).toEqual({ school_code: '31000102', class_name: '10A3', previous_school_code: '31000101' });
    const history = await ds.query('SELECT school_code, class_name FROM enrolment_history WHERE student_id = $1', [id]);
    expect(history).toEqual([{ school_code: '31000101', class_name: '10A1' }]);
    expect(await count(`SELECT count(*) AS n FROM students WHERE student_id = '${id}'`)).toBe(1);
    const last = (await outbox(Topics.StudentEnrolled)).at(-1);
    expect(last).toMatchObject({ studentId: id, schoolCode: '31000102', previousSchoolCode: '31000101' });

    // The next school year at a lower-secondary school's neighbour: the earlier school is the previous one.
    const next = await roster.run(csv(STUDENTS_HEADER, [studentRow(10, { school: '31000101', className: '11A1', grade: '11', year: '2026-2027' })]));
    expect(next.status).toBe('DONE');
    expect((await outbox(Topics.StudentEnrolled)).at(-1)).toMatchObject({ schoolYear: '2026-2027', previousSchoolCode: '31000102' });
  });

  it('all-or-nothing: one bad row rejects the file and applies nothing', async () => {
    const before = await count('SELECT count(*) AS n FROM students');
    const events = (await outbox(Topics.StudentEnrolled)).length;
    const result = await roster.run(csv(STUDENTS_HEADER, [studentRow(20), studentRow(21, { grade: '5' }), studentRow(22, { school: '31999999' })]));
    expect(result).toMatchObject({ status: 'REJECTED', rowsRead: 3, rowsValid: 1, rowsApplied: 0, problemCount: 2 });
    expect(await count('SELECT count(*) AS n FROM students')).toBe(before);
    expect(await outbox(Topics.StudentEnrolled)).toHaveLength(events);
    const problems = await report(result.id);
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, 'grade', 'IDENTITY.GRADE_OUT_OF_RANGE'],
      [3, 'school_code', 'IDENTITY.UNKNOWN_SCHOOL'],
    ]);
    expect(problems[0].message.vi).toContain('THPT 10–12');
    expect(problems[1].message.en).toContain('31999999');
  });

  it('accept-valid: applies the good rows and reports the others', async () => {
    const result = await roster.run(
      csv(STUDENTS_HEADER, [studentRow(30), studentRow(31, { dob: '2010-02-30' }), studentRow(32, { school: '31000199' }), studentRow(33)]),
      'students',
      'accept-valid',
    );
    expect(result).toMatchObject({ status: 'DONE', rowsValid: 2, rowsApplied: 2, problemCount: 2 });
    expect((await report(result.id)).map((p) => [p.row, p.code])).toEqual([
      [2, 'IDENTITY.DATE_INVALID'],
      [3, 'IDENTITY.SCHOOL_CLOSED'],
    ]);
  });

  it('reports duplicates in the file and against the registry instead of merging them', async () => {
    await roster.run(csv(STUDENTS_HEADER, [studentRow(40)]));
    const taken = studentRow(40).split(',')[1];
    const result = await roster.run(
      csv(STUDENTS_HEADER, [
        studentRow(41),
        studentRow(41, { className: '10A2' }),
        studentRow(42, { personalId: studentRow(43).split(',')[1] }),
        studentRow(43),
        studentRow(44, { personalId: taken }),
      ]),
      'students',
      'accept-valid',
    );
    const problems = (await report(result.id)).map((p) => [p.row, p.field, p.code]);
    expect(problems).toEqual(expect.arrayContaining([
      [1, 'student_id', 'IDENTITY.DUPLICATE_IN_FILE'],
      [2, 'student_id', 'IDENTITY.DUPLICATE_IN_FILE'],
      [3, 'personal_id', 'IDENTITY.PERSONAL_ID_DUPLICATE_IN_FILE'],
      [4, 'personal_id', 'IDENTITY.PERSONAL_ID_DUPLICATE_IN_FILE'],
      [5, 'personal_id', 'IDENTITY.PERSONAL_ID_TAKEN'],
    ]));
    expect(result).toMatchObject({ status: 'DONE', rowsValid: 0, rowsApplied: 0 });
  });

  it('reports bytes that are not UTF-8 with their row and field, and refuses a wrong header outright', async () => {
    const bad = Buffer.concat([Buffer.from(`${STUDENTS_HEADER}\n${studentRow(50)}\n`), Buffer.from(studentRow(51).replace('Hồng', 'H\xff\xfeng'), 'latin1'), Buffer.from('\n')]);
    const result = await roster.run(bad, 'students', 'accept-valid');
    expect(result).toMatchObject({ status: 'DONE', rowsApplied: 1, problemCount: 1 });
    expect((await report(result.id)).map((p) => [p.row, p.field, p.code])).toEqual([[2, 'full_name', 'IDENTITY.CSV_ENCODING']]);

    const imports = await count('SELECT count(*) AS n FROM roster_imports');
    const wrong = roster.run(csv(STUDENTS_HEADER.replace('full_name', 'name'), [studentRow(52)]));
    await expect(wrong).rejects.toBeInstanceOf(DomainError);
    await expect(wrong).rejects.toMatchObject({ code: 'IDENTITY.CSV_HEADER', field: 'full_name' });
    expect(await count('SELECT count(*) AS n FROM roster_imports')).toBe(imports);
  });

  it('never lets a sector ID be removed or reissued', async () => {
    await expect(ds.query(`DELETE FROM sector_ids WHERE sector_id = $1`, [studentRow(1).split(',')[0]])).rejects.toThrow(/never changed/);
  });
});
