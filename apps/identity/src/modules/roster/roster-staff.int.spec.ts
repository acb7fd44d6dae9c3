import { decodeEvent, Topics, type Topic } from '@edu/contracts';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { parse } from 'csv-parse/sync';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../../../test/support/stack.js';
import { IDENTITY_MIGRATIONS } from '../../migrations/index.js';
import { reportCsv, reportJson } from './roster-report.js';
import { ASSIGNMENTS_HEADER, csv, rosterPipeline, STUDENTS_HEADER, studentRow, TEACHERS_HEADER, teacherRow } from './roster-test-kit.js';

/** Staff and teaching assignments, and the problem reports, against the real PostgreSQL in a throwaway schema. */
describe('staff and assignment roster imports', () => {
  const env = stackEnv();
  const schema = `itest_staff_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;
  let roster: ReturnType<typeof rosterPipeline>;

  const events = async <T extends Topic>(topic: T) => {
    const rows: Array<{ payload: Buffer }> = await ds.query('SELECT payload FROM outbox WHERE topic = $1 ORDER BY id', [topic]);
    return rows.map((r) => decodeEvent(topic, r.payload).payload);
  };
  const codes = async (id: string) => (await roster.imports.problems(id, null, 100)).map((p) => [p.row, p.field, p.code]);
  const collect = async (chunks: AsyncIterable<string>) => {
    let out = '';
    for await (const c of chunks) out += c;
    return out;
  };

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: IDENTITY_MIGRATIONS, poolSize: 4 });
    await ds.query(`INSERT INTO organisations (code, name, level, parent_code, status) VALUES
      ('31000000', 'Sở GD&ĐT Hải Phòng', 'SO', NULL, 'ACTIVE'),
      ('31000101', 'Trường THPT Trần Phú', 'THPT', '31000000', 'ACTIVE'),
      ('31000199', 'Trường THPT đã đóng', 'THPT', '31000000', 'CLOSED')`);
    roster = rosterPipeline(ds);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('registers staff once, announces them, and changes nothing on a re-import', async () => {
    const file = csv(TEACHERS_HEADER, [teacherRow(1), teacherRow(2, { role: 'PRINCIPAL' }), teacherRow(3, { role: 'OPERATOR', org: '31000000' })]);
    expect(await roster.run(file, 'teachers')).toMatchObject({ status: 'DONE', rowsApplied: 3, rowsUnchanged: 0 });
    const announced = await events(Topics.PersonRegistered);
    expect(announced).toHaveLength(3);
    expect(announced.find((p) => p.role === 'PRINCIPAL')).toMatchObject({ fullName: 'Trần Văn Đức 2', orgCode: '31000101', status: 'ACTIVE' });
    expect(await roster.run(file, 'teachers')).toMatchObject({ status: 'DONE', rowsApplied: 0, rowsUnchanged: 3 });
    expect(await events(Topics.PersonRegistered)).toHaveLength(3);
  });

  it('never gives a student ID to staff, nor a staff ID to a student', async () => {
    await roster.run(csv(STUDENTS_HEADER, [studentRow(1)]));
    const studentId = studentRow(1).split(',')[0];
    const staff = await roster.run(csv(TEACHERS_HEADER, [teacherRow(9, { personId: studentId }), teacherRow(10, { org: '31999999' }), teacherRow(11, { org: '31000199' })]), 'teachers');
    expect(staff.status).toBe('REJECTED');
    expect(await codes(staff.id)).toEqual([
      [1, 'person_id', 'IDENTITY.SECTOR_ID_TAKEN'],
      [2, 'org_code', 'IDENTITY.UNKNOWN_ORGANISATION'],
      [3, 'org_code', 'IDENTITY.ORGANISATION_CLOSED'],
    ]);
    const pupil = await roster.run(csv(STUDENTS_HEADER, [studentRow(2, { studentId: teacherRow(1).split(',')[0] })]));
    expect(await codes(pupil.id)).toEqual([[1, 'student_id', 'IDENTITY.SECTOR_ID_TAKEN']]);
    await expect(ds.query(`INSERT INTO persons (person_id, personal_id, full_name, date_of_birth, gender, role, org_code)
      VALUES ($1, '001085999999', 'X', '1985-01-01', 'NAM', 'TEACHER', '31000101')`, [studentId])).rejects.toThrow(/not issued as a STAFF ID/);
  });

  it('assigns teachers to classes, refuses unknown people and duplicates, and announces only new assignments', async () => {
    const teacher = teacherRow(1).split(',')[0];
    const rows = [`${teacher},31000101,10A1,TOAN,2025-2026`, `${teacher},31000101,10A1,CHU_NHIEM,2025-2026`];
    expect(await roster.run(csv(ASSIGNMENTS_HEADER, rows), 'assignments')).toMatchObject({ status: 'DONE', rowsApplied: 2 });
    expect((await events(Topics.TeacherAssigned)).map((e) => e.subject).sort()).toEqual(['CHU_NHIEM', 'TOAN']);

    const again = await roster.run(csv(ASSIGNMENTS_HEADER, [...rows, `${teacher},31000101,10A2,TOAN,2025-2026`]), 'assignments');
    expect(again).toMatchObject({ status: 'DONE', rowsApplied: 1, rowsUnchanged: 2 });
    expect(await events(Topics.TeacherAssigned)).toHaveLength(3);

    const bad = await roster.run(
      csv(ASSIGNMENTS_HEADER, [`${teacherRow(50).split(',')[0]},31000101,10A1,TOAN,2025-2026`, rows[0], rows[0]]),
      'assignments',
      'accept-valid',
    );
    expect(await codes(bad.id)).toEqual([
      [1, 'person_id', 'IDENTITY.UNKNOWN_PERSON'],
      [2, 'person_id', 'IDENTITY.DUPLICATE_IN_FILE'],
      [3, 'person_id', 'IDENTITY.DUPLICATE_IN_FILE'],
    ]);
  });

  it('reports every problem as CSV (with a BOM) and JSON', async () => {
    const result = await roster.run(csv(STUDENTS_HEADER, [studentRow(70, { gender: 'X', fullName: 'Lê, "Bé" An' }), studentRow(71, { school: '31999999' })]));
    const text = await collect(reportCsv(roster.imports, result.id));
    expect(text.startsWith('\uFEFFrow,field,code,message_vi,message_en\n')).toBe(true);
    const records = parse(text.slice(1), { columns: true }) as Array<Record<string, string>>;
    expect(records.map((r) => [r.row, r.field, r.code])).toEqual([['1', 'gender', 'IDENTITY.GENDER_INVALID'], ['2', 'school_code', 'IDENTITY.UNKNOWN_SCHOOL']]);
    expect(records[1].message_vi).toContain('Không có trường mã 31999999');
    const json = JSON.parse(await collect(reportJson(roster.imports, result)));
    expect(json).toMatchObject({ id: result.id, status: 'REJECTED', problemCount: 2, rows: { read: 2, valid: 0 } });
    expect(json.problems[0]).toMatchObject({ row: 1, field: 'gender', code: 'IDENTITY.GENDER_INVALID', message: { en: expect.any(String) } });
  });
});
