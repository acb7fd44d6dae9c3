import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../../../test/support/stack.js';
import { IDENTITY_MIGRATIONS } from '../../migrations/index.js';
import { csv, rosterPipeline, STUDENTS_HEADER, studentRow } from './roster-test-kit.js';

/** Imports interrupted by a crash or failing half way, against the real PostgreSQL in a throwaway schema. */
describe('roster import recovery', () => {
  const env = stackEnv();
  const schema = `itest_recovery_${randomUUID().slice(0, 8)}`;
  const operator = { clientId: 'operator-test', org: '31000000', role: 'operator' as const, scopes: ['operations'] };
  let ds: DataSource;
  let roster: ReturnType<typeof rosterPipeline>;
  const count = async (sql: string) => Number((await ds.query(sql))[0].n);
  const stagingTables = () => count(`SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '${schema}' AND table_name LIKE 'roster_rows_%'`);

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: IDENTITY_MIGRATIONS, poolSize: 4 });
    await ds.query(`INSERT INTO organisations (code, name, level, parent_code, status) VALUES
      ('31000000', 'Sở GD&ĐT Hải Phòng', 'SO', NULL, 'ACTIVE'), ('31000101', 'Trường THPT Trần Phú', 'THPT', '31000000', 'ACTIVE')`);
    roster = rosterPipeline(ds);
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('takes an interrupted import up again where its status says', async () => {
    const { id } = await roster.uploads.receive(Readable.from([csv(STUDENTS_HEADER, [studentRow(60), studentRow(61)])]), 'students', 'all-or-nothing', operator);
    // Validated, then "killed" before the application committed: the status is APPLYING and nothing is applied.
    await roster.validate.execute((await roster.imports.find(id))!);
    expect((await roster.imports.find(id))!.status).toBe('APPLYING');
    expect(await count('SELECT count(*) AS n FROM students')).toBe(0);
    await rosterPipeline(ds).worker.runPending();
    expect(await roster.imports.find(id)).toMatchObject({ status: 'DONE', rowsApplied: 2 });
    expect(await count('SELECT count(*) AS n FROM students')).toBe(2);
  });

  it('fails an import whose application breaks, leaving nothing half applied, and goes on with the next', async () => {
    const { id } = await roster.uploads.receive(Readable.from([csv(STUDENTS_HEADER, [studentRow(70), studentRow(71)])]), 'students', 'all-or-nothing', operator);
    await roster.validate.execute((await roster.imports.find(id))!);
    // Between validation and application someone else takes row 2's personal ID.
    const [, personalId] = studentRow(71).split(',');
    await ds.query(`INSERT INTO sector_ids (sector_id, kind) VALUES ('3199999995', 'STUDENT')`);
    await ds.query(`INSERT INTO students (student_id, personal_id, full_name, date_of_birth, gender) VALUES ('3199999995', $1, 'X', '2010-03-15', 'NU')`, [personalId]);
    const before = await count('SELECT count(*) AS n FROM students');
    await roster.worker.runPending();
    expect(await roster.imports.find(id)).toMatchObject({ status: 'FAILED', failure: expect.stringContaining('students_personal_id_key') });
    expect(await count('SELECT count(*) AS n FROM students')).toBe(before);
    expect(await count('SELECT count(*) AS n FROM outbox')).toBe(2);
    expect(await stagingTables()).toBe(0);

    const next = await roster.run(csv(STUDENTS_HEADER, [studentRow(70)]));
    expect(next).toMatchObject({ status: 'DONE', rowsApplied: 1 });
  });
});
