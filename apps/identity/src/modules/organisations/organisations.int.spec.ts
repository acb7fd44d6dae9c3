import { decodeEvent, Topics } from '@edu/contracts';
import { DomainError } from '@edu/errors';
import { OutboxWriter, type OutboxRelay } from '@edu/messaging';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../../../test/support/stack.js';
import { IDENTITY_MIGRATIONS } from '../../migrations/index.js';
import { generateDemoData } from '../demo-data/demo-data-generator.js';
import { CloseOrganisationHandler } from './close-organisation.handler.js';
import { CreateOrganisationHandler } from './create-organisation.handler.js';
import { ImportOrganisationsHandler } from './import-organisations.handler.js';
import { ImportRejected } from './import-rejected.js';
import { MergeOrganisationHandler } from './merge-organisation.handler.js';
import type { OrganisationDraft, OrganisationLevel } from './organisation.js';
import { OrganisationImport } from './organisation-import.js';
import { OrganisationJournal } from './organisation-journal.js';
import { OrganisationQueries, readListFilter } from './organisation-queries.js';
import { OrganisationRepository } from './organisation.repository.js';
import { UpdateOrganisationHandler } from './update-organisation.handler.js';
import { scratchDir } from '../../../../../test/support/scratch-dir.js';

/** The organisation registry against the real PostgreSQL, in a throwaway schema with identity's migrations. */
describe('organisation registry against PostgreSQL', () => {
  const env = stackEnv();
  const schema = `itest_orgs_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;
  let create: CreateOrganisationHandler;
  let update: UpdateOrganisationHandler;
  let merge: MergeOrganisationHandler;
  let close: CloseOrganisationHandler;
  let importer: ImportOrganisationsHandler;
  let queries: OrganisationQueries;

  const draft = (code: string, level: OrganisationLevel, parentCode: string | null, name = `Đơn vị ${code}`): OrganisationDraft =>
    ({ code, name, level, parentCode, address: null });
  const failure = (p: Promise<unknown>) => p.then(() => expect.fail('expected a DomainError'), (e: DomainError) => e);
  const events = async (code: string) => {
    const rows: Array<{ payload: Buffer }> = await ds.query(`SELECT payload FROM outbox WHERE key = $1 ORDER BY id`, [code]);
    return rows.map((r) => decodeEvent(Topics.OrganisationRegistered, r.payload).payload);
  };
  const outboxSize = async () => (await ds.query('SELECT count(*)::int AS n FROM outbox'))[0].n as number;

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: IDENTITY_MIGRATIONS, poolSize: 4 });
    const repo = new OrganisationRepository();
    const journal = new OrganisationJournal(new OutboxWriter('identity'));
    // The relay publishes the outbox to Kafka; here the outbox rows themselves are what the tests read.
    const relay = { nudge: () => undefined } as unknown as OutboxRelay;
    create = new CreateOrganisationHandler(ds, repo, journal, relay);
    update = new UpdateOrganisationHandler(ds, repo, journal, relay);
    merge = new MergeOrganisationHandler(ds, repo, journal, relay);
    close = new CloseOrganisationHandler(ds, repo, journal, relay);
    importer = new ImportOrganisationsHandler(ds, new OrganisationImport(repo, journal), relay);
    queries = new OrganisationQueries(ds);
    await create.execute(draft('BO1', 'BO', null), 'op');
    await create.execute(draft('SO1', 'SO', 'BO1'), 'op');
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('creates organisations under parents that may hold them, and never issues a code twice', async () => {
    await create.execute(draft('A-PHONG', 'PHONG', 'SO1'), 'op');
    const school = await create.execute(draft('A-TH', 'TIEU_HOC', 'A-PHONG'), 'op');
    expect(school).toMatchObject({ status: 'ACTIVE', version: 1, mergedInto: null });
    expect((await failure(create.execute(draft('A-THPT', 'THPT', 'A-PHONG'), 'op'))).code).toBe('IDENTITY.ORGANISATION_HIERARCHY');
    expect((await failure(create.execute(draft('A-THCS', 'THCS', 'NOPE'), 'op'))).code).toBe('IDENTITY.ORGANISATION_PARENT_UNKNOWN');
    const taken = await failure(create.execute(draft('A-TH', 'TIEU_HOC', 'A-PHONG', 'Khác'), 'op'));
    expect([taken.code, taken.kind]).toEqual(['IDENTITY.ORGANISATION_CODE_TAKEN', 'conflict']);
    expect(await events('A-TH')).toEqual([expect.objectContaining({ code: 'A-TH', level: 'TIEU_HOC', parentCode: 'A-PHONG', status: 'ACTIVE', change: 'CREATED' })]);
  });

  it('updates name, address and parent with a new version each, and records nothing for a no-op', async () => {
    await create.execute(draft('B-P1', 'PHONG', 'SO1'), 'op');
    await create.execute(draft('B-P2', 'PHONG', 'SO1'), 'op');
    await create.execute(draft('B-MN', 'MAM_NON', 'B-P1'), 'op');
    await update.execute('B-MN', { name: 'Trường Mầm non Hoa Sen', address: '1 Lạch Tray' }, 'op-2');
    const moved = await update.execute('B-MN', { parentCode: 'B-P2' }, 'op-3');
    expect(moved).toMatchObject({ name: 'Trường Mầm non Hoa Sen', parentCode: 'B-P2', version: 3 });
    expect(await update.execute('B-MN', { parentCode: 'B-P2' }, 'op-4')).toMatchObject({ version: 3 });
    expect((await failure(update.execute('B-MN', { parentCode: 'BO1' }, 'op'))).code).toBe('IDENTITY.ORGANISATION_HIERARCHY');
    expect((await failure(update.execute('B-NONE', { name: 'x' }, 'op'))).code).toBe('IDENTITY.ORGANISATION_NOT_FOUND');
    const { history } = await queries.get('B-MN');
    expect(history.map((h: { version: number; change: string; actor: string }) => [h.version, h.change, h.actor])).toEqual([
      [1, 'CREATED', 'op'], [2, 'UPDATED', 'op-2'], [3, 'UPDATED', 'op-3'],
    ]);
    expect((await events('B-MN')).map((e) => e.change)).toEqual(['CREATED', 'UPDATED', 'UPDATED']);
  });

  it('merges into an active organisation of the same level and moves the active children there', async () => {
    for (const [code, parent] of [['C-P1', 'SO1'], ['C-P2', 'SO1']] as const) await create.execute(draft(code, 'PHONG', parent), 'op');
    await create.execute(draft('C-TH1', 'TIEU_HOC', 'C-P1'), 'op');
    await create.execute(draft('C-TH2', 'TIEU_HOC', 'C-P1'), 'op');
    await close.execute('C-TH2', 'sáp nhập điểm trường', 'op');
    expect((await failure(merge.execute('C-P1', 'C-P1', 'op'))).code).toBe('IDENTITY.MERGE_INTO_SELF');
    expect((await failure(merge.execute('C-P1', 'SO1', 'op'))).code).toBe('IDENTITY.MERGE_ACROSS_LEVELS');
    expect((await failure(merge.execute('C-P1', 'NOPE', 'op'))).field).toBe('into');

    const merged = await merge.execute('C-P1', 'C-P2', 'op');
    expect(merged).toMatchObject({ status: 'MERGED', mergedInto: 'C-P2', version: 2 });
    expect((await queries.get('C-TH1')).parentCode).toBe('C-P2');
    expect((await queries.get('C-TH2')).parentCode).toBe('C-P1');
    expect((await events('C-P1')).at(-1)).toMatchObject({ status: 'MERGED', mergedInto: 'C-P2', change: 'MERGED' });
    expect((await events('C-TH1')).at(-1)).toMatchObject({ parentCode: 'C-P2', change: 'UPDATED' });

    const intoMerged = await failure(merge.execute('C-P2', 'C-P1', 'op'));
    expect([intoMerged.code, intoMerged.field]).toEqual(['IDENTITY.ORGANISATION_NOT_ACTIVE', 'into']);
    expect((await failure(create.execute(draft('C-TH3', 'TIEU_HOC', 'C-P1'), 'op'))).code).toBe('IDENTITY.ORGANISATION_PARENT_NOT_ACTIVE');
  });

  it('closes an organisation only once it has no active children, and keeps its code taken', async () => {
    await create.execute(draft('D-P', 'PHONG', 'SO1'), 'op');
    await create.execute(draft('D-THCS', 'THCS', 'D-P'), 'op');
    const busy = await failure(close.execute('D-P', 'giải thể', 'op'));
    expect([busy.code, busy.kind]).toEqual(['IDENTITY.ORGANISATION_HAS_ACTIVE_CHILDREN', 'conflict']);
    const closed = await close.execute('D-THCS', 'giải thể trường', 'op');
    expect(closed).toMatchObject({ status: 'CLOSED', version: 2 });
    await close.execute('D-P', 'giải thể', 'op');
    expect((await failure(close.execute('D-P', 'lần nữa', 'op'))).code).toBe('IDENTITY.ORGANISATION_NOT_ACTIVE');
    expect((await failure(update.execute('D-THCS', { name: 'Mở lại' }, 'op'))).code).toBe('IDENTITY.ORGANISATION_NOT_ACTIVE');
    expect((await failure(create.execute(draft('D-THCS', 'THCS', 'SO1'), 'op'))).code).toBe('IDENTITY.ORGANISATION_CODE_TAKEN');
    const { history } = await queries.get('D-THCS');
    expect(history.at(-1)).toMatchObject({ change: 'CLOSED', status: 'CLOSED', reason: 'giải thể trường' });
  });

  it('imports organisations.csv all or nothing: parents may come later, every problem is reported, a re-import is a no-op', async () => {
    const header = 'code,name,level,parent_code,address';
    const good = [header, 'E-TH,Trường Tiểu học Lê Lợi,TIEU_HOC,E-P,"3 Lê Lợi, Hải Phòng"', 'E-P,Phòng GD&ĐT E,PHONG,SO1,', 'E-THPT,Trường THPT E,THPT,SO1,'].join('\n');
    const bad = `${good}\nE-X,Trường X,THPT,E-P,\nE-Y,,MAM_NON,NOPE,\nE-TH,Trùng,TIEU_HOC,E-P,\nD-THCS,Trường đã đóng đổi tên,THCS,SO1,\n`;
    const before = await outboxSize();
    const rejected = await failure(importer.execute(bad, 'op'));
    expect(rejected).toBeInstanceOf(ImportRejected);
    expect((rejected as ImportRejected).toBody().problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [5, 'parent_code', 'IDENTITY.ORGANISATION_HIERARCHY'],
      [6, 'name', 'IDENTITY.ORGANISATION_NAME_INVALID'],
      [7, 'code', 'IDENTITY.CSV_DUPLICATE_CODE'],
      [8, 'code', 'IDENTITY.ORGANISATION_NOT_ACTIVE'],
    ]);
    expect(await outboxSize()).toBe(before);
    expect(await ds.query(`SELECT code FROM organisations WHERE code LIKE 'E-%'`)).toEqual([]);

    expect(await importer.execute(good, 'op')).toEqual({ rows: 3, created: 3, updated: 0, unchanged: 0 });
    const afterFirst = await outboxSize();
    expect(await importer.execute(`\uFEFF${good}\n`, 'op')).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 3 });
    expect(await outboxSize()).toBe(afterFirst);
    const renamed = good.replace('Trường THPT E,', 'Trường THPT Ngô Quyền E,');
    expect(await importer.execute(renamed, 'op')).toEqual({ rows: 3, created: 0, updated: 1, unchanged: 2 });
    expect((await events('E-THPT')).map((e) => [e.change, e.name])).toEqual([['CREATED', 'Trường THPT E'], ['UPDATED', 'Trường THPT Ngô Quyền E']]);
    const relevel = await failure(importer.execute(renamed.replace('E-THPT,Trường THPT Ngô Quyền E,THPT', 'E-THPT,Trường THPT Ngô Quyền E,GDTX'), 'op'));
    expect((relevel as ImportRejected).problems.map((p) => p.code)).toEqual(['IDENTITY.ORGANISATION_LEVEL_FIXED']);
  });

  it('imports a whole province generated by demo-data, then finds nothing to change in it', async () => {
    const out = scratchDir('orgs-');
    generateDemoData({ province: 'Hải Phòng', schools: 800, teachers: 2_402, students: 0, out, seed: 'itest', schoolYear: '2025-2026' });
    const csv = readFileSync(join(out, 'organisations.csv'), 'utf8');
    expect(await importer.execute(csv, 'op')).toEqual({ rows: 817, created: 817, updated: 0, unchanged: 0 });
    const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM organisation_history WHERE code LIKE '31%' AND change = 'CREATED'`);
    expect(n).toBe(816);
    expect(await importer.execute(csv, 'op')).toEqual({ rows: 817, created: 0, updated: 0, unchanged: 817 });
  });

  it('lists with filters and code-keyed pages', async () => {
    await create.execute(draft('F-P', 'PHONG', 'SO1'), 'op');
    for (const n of [1, 2, 3]) await create.execute(draft(`F-MN${n}`, 'MAM_NON', 'F-P', `Trường Mầm non Hoa Sen ${n}`), 'op');
    const first = await queries.list(readListFilter({ parent: 'F-P', limit: '2' }));
    expect(first.items.map((o) => o.code)).toEqual(['F-MN1', 'F-MN2']);
    const second = await queries.list(readListFilter({ parent: 'F-P', limit: '2', after: first.next }));
    expect([second.items.map((o) => o.code), second.next]).toEqual([['F-MN3'], null]);
    expect((await queries.list(readListFilter({ q: 'hoa sen 2' }))).items.map((o) => o.code)).toEqual(['F-MN2']);
    expect((await queries.list(readListFilter({ status: 'CLOSED', level: 'THCS' }))).items.map((o) => o.code)).toEqual(['D-THCS']);
    expect(() => readListFilter({ level: 'UNI' })).toThrow(DomainError);
    expect(() => readListFilter({ limit: '0' })).toThrow(DomainError);
  });
});
