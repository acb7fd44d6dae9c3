import { create } from '@bufbuild/protobuf';
import { decodeEvent, DocumentSubmittedSchema, TeacherAssignedSchema, Topics, uuidv7, type EventMeta, type Topic } from '@edu/contracts';
import { sha256Hex } from '@edu/crypto';
import { OutboxWriter, type EventContext } from '@edu/messaging';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import type { ObjectStore } from '@edu/storage';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../../../test/support/stack.js';
import type { SigningConfig } from '../../config.js';
import { SIGNING_MIGRATIONS } from '../../migrations/index.js';
import { buildWorkflowPki, CLASS, ISSUER, PIN, YEAR } from '../../testing/workflow-world.js';
import { FakePersonKeys, FakeSignatureLevels, idleRelay } from '../../testing/workflow-fakes.js';
import type { SealSigners } from '../seals/seal-signers.js';
import { InstitutionSeal } from '../signatures/institution-seal.js';
import { SignatureRecords } from '../signatures/signature-records.js';
import { StagedContent } from '../signatures/staged-content.js';
import { SignerDirectory } from '../signers/signer-directory.js';
import { ApproveTasksHandler } from './approve-tasks.handler.js';
import { Assignees } from './assignees.js';
import { RecordAssignmentsHandler } from './record-assignments.handler.js';
import { RejectTaskHandler } from './reject-task.handler.js';
import { SignerResolution } from './signer-resolution.js';
import { StartWorkflowHandler } from './start-workflow.handler.js';
import { ListTasksQuery, TaskList } from './task-list.js';
import { TaskReminders } from './task-reminders.js';
import { ApproveTasksCommand } from './task-requests.js';
import { WorkflowAudit } from './workflow-audit.js';
import { WorkflowStore } from './workflow-store.js';

const env = stackEnv();

/**
 * The workflows' SQL on the real PostgreSQL (real migrations, in a throwaway schema): assignments, task lists, row
 * locks against double approval, reminders with SKIP LOCKED. Keys and signature levels are the unit specs' fakes.
 */
describe('signing workflows against PostgreSQL', () => {
  const schema = `workflows_it_${randomBytes(4).toString('hex')}`;
  const pki = buildWorkflowPki();
  const config = { STAGING_BUCKET: 'edu-staging', SIGNING_TASK_DAYS: 7, SIGNING_REMINDER_HOURS: 24 } as SigningConfig;
  const store = new WorkflowStore();
  const audit = new WorkflowAudit();
  const assignees = new Assignees();
  const records = new SignatureRecords();
  const tasks = new TaskList();
  const outbox = new OutboxWriter('signing');
  const content = new StagedContent({} as ObjectStore, config);
  let ds: DataSource;
  let handlers: { start: StartWorkflowHandler; approve: ApproveTasksHandler; reject: RejectTaskHandler; reminders: TaskReminders };

  const run = (work: (ctx: EventContext) => Promise<void>) => {
    const meta: EventMeta = { eventId: uuidv7(), type: Topics.DocumentSubmitted, occurredAt: new Date(), correlationId: 'it', causationId: '', producer: 'it' };
    return ds.transaction((em) => work({ em, meta, key: '' }));
  };
  const outboxOf = async <T extends Topic>(topic: T, key: string) =>
    ((await ds.query('SELECT payload FROM outbox WHERE topic = $1 AND key = $2 ORDER BY id', [topic, key])) as Array<{ payload: Buffer }>)
      .map((r) => decodeEvent(topic, r.payload).payload);
  const submit = async (className = CLASS) => {
    const bytes = Buffer.from(JSON.stringify({ hocSinh: 'Nguyễn Văn A', n: uuidv7() }));
    const event = create(DocumentSubmittedSchema, {
      documentId: uuidv7(), documentType: 'hoc-ba', version: 1, issuerCode: ISSUER, studentId: '3150000002', schoolYear: YEAR, className,
      content: { sha256: sha256Hex(bytes), size: BigInt(bytes.length), inline: bytes },
    });
    await run((ctx) => handlers.start.execute(event, ctx));
    return event.documentId;
  };
  const taskIds = async (documentId: string) =>
    ((await ds.query('SELECT task_id FROM signing_tasks WHERE document_id = $1 ORDER BY step', [documentId])) as Array<{ task_id: string }>).map((r) => r.task_id);
  const listFor = (personId: string, principalOf: string | null, q: Record<string, unknown> = {}) =>
    tasks.forPerson(ds.manager, { personId, principalOf }, ListTasksQuery.from(q));

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL!, schema, migrations: SIGNING_MIGRATIONS, poolSize: 4 });
    const personKeys = new FakePersonKeys();
    for (const p of [pki.teacher, pki.principal, pki.otherPrincipal]) personKeys.people.set(p.personId, { pin: PIN, signer: p });
    const seals = new InstitutionSeal({ forOrg: async () => pki.sealSigner, revokedSeal: async () => null } as unknown as SealSigners);
    handlers = {
      start: new StartWorkflowHandler(content, outbox, store, audit, new SignerResolution(assignees), records, config),
      approve: new ApproveTasksHandler(ds, store, audit, assignees, content, records, seals, personKeys, new FakeSignatureLevels(), outbox, idleRelay, config),
      reject: new RejectTaskHandler(ds, store, audit, assignees, outbox, idleRelay),
      reminders: new TaskReminders(ds, store, audit, outbox, idleRelay, config),
    };
    const signers = new SignerDirectory();
    const people: Array<[string, string, string, string]> = [
      [pki.teacher.personId, ISSUER, 'TEACHER', 'ACTIVE'],
      [pki.principal.personId, ISSUER, 'PRINCIPAL', 'ACTIVE'],
      [pki.otherPrincipal.personId, 'THPT02', 'PRINCIPAL', 'ACTIVE'],
      ['3100000090', ISSUER, 'TEACHER', 'LEFT'],
    ];
    for (const [personId, orgCode, role, status] of people) await signers.upsertSigner(ds.manager, { personId, orgCode, fullName: personId, role, status });
    const assigned = (personId: string, className: string) =>
      ({ payload: create(TeacherAssignedSchema, { personId, schoolCode: ISSUER, className, subject: 'CHU_NHIEM', schoolYear: YEAR }) });
    await ds.transaction((em) => new RecordAssignmentsHandler(assignees).applyBatch([assigned('3100000090', CLASS), assigned('3100000090', '10A9')], em));
    await ds.transaction((em) => new RecordAssignmentsHandler(assignees).applyBatch([assigned(pki.teacher.personId, CLASS)], em));
  });

  afterAll(async () => {
    if (ds?.isInitialized) {
      await ds.query(`DROP SCHEMA ${schema} CASCADE`);
      await ds.destroy();
    }
  });

  it('keeps the latest homeroom teacher of a class, and no teacher who left', async () => {
    const found = await assignees.teachers(ds.manager, [
      { schoolCode: ISSUER, schoolYear: YEAR, className: CLASS, subject: 'CHU_NHIEM' },
      { schoolCode: ISSUER, schoolYear: YEAR, className: '10A9', subject: 'CHU_NHIEM' },
    ]);
    expect([...found.values()]).toEqual([pki.teacher.personId]);
    expect(await assignees.withPrincipals(ds.manager, [ISSUER, 'THPT02', 'THPT03'])).toEqual(new Set([ISSUER, 'THPT02']));
    expect(await assignees.principalOf(ds.manager, pki.principal.personId)).toBe(ISSUER);
    expect(await assignees.principalOf(ds.manager, pki.teacher.personId)).toBeNull();
  });

  it('walks a học bạ from teacher to principal to seal, listing each task to the right people only', async () => {
    const documentId = await submit();
    await run((ctx) => handlers.start.execute(create(DocumentSubmittedSchema, { documentId, documentType: 'hoc-ba', issuerCode: ISSUER, content: { sha256: 'a'.repeat(64), inline: Buffer.from('x') } }), ctx));
    const [first, second] = await taskIds(documentId);
    expect((await listFor(pki.teacher.personId, null)).items.map((t) => t.taskId)).toContain(first);
    expect((await listFor(pki.principal.personId, ISSUER)).items.map((t) => t.documentId)).not.toContain(documentId);

    await handlers.approve.execute(ApproveTasksCommand.from({ taskIds: [first], pin: PIN }), pki.teacher.personId);
    const mine = await listFor(pki.principal.personId, ISSUER);
    expect(mine.items.find((t) => t.taskId === second)).toMatchObject({ documentId, documentType: 'hoc-ba', className: CLASS, schoolYear: YEAR, step: 2, role: 'principal', state: 'PENDING' });
    expect((await listFor(pki.otherPrincipal.personId, 'THPT02')).items).toHaveLength(0);
    expect((await listFor(pki.teacher.personId, null, { state: 'SIGNED' })).items.map((t) => t.taskId)).toContain(first);

    await handlers.approve.execute(ApproveTasksCommand.from({ taskIds: [second], pin: PIN }), pki.principal.personId);
    const rows = await ds.query('SELECT idx, role FROM signatures WHERE document_id = $1 ORDER BY idx', [documentId]);
    expect(rows.map((r: { idx: number; role: string }) => [r.idx, r.role])).toEqual([[1, 'homeroom-teacher'], [2, 'principal'], [3, 'institution-seal']]);
    const [signed, ...again] = await outboxOf(Topics.DocumentSigned, documentId);
    expect(again).toHaveLength(0);
    expect(signed.signatures.map((s) => s.index)).toEqual([1, 2, 3]);
    const [{ content_inline: stored }] = await ds.query('SELECT content_inline FROM workflows WHERE document_id = $1', [documentId]);
    expect(Buffer.from(signed.content!.inline).equals(stored)).toBe(true);
    expect((await ds.query('SELECT state FROM workflows WHERE document_id = $1', [documentId]))[0].state).toBe('SIGNED');
    expect((await outboxOf(Topics.SignatureRequested, documentId)).map((e) => e.step)).toEqual([1, 2]);
    expect((await audit.trail(ds.manager, documentId)).map((a) => a.action)).toEqual(['created', 'requested', 'approved', 'requested', 'approved', 'sealed', 'signed']);
  });

  it('locks workflows with the content the caller has just read, and refuses content of other bytes', async () => {
    const documentId = await submit();
    const [{ workflow }] = await store.find(ds.manager, [documentId]);
    const readBefore = { ...workflow.content, inline: Buffer.from(workflow.content.inline) };
    await ds.transaction(async (tx) => {
      const [locked] = await store.lock(tx, [documentId], new Map([[documentId, readBefore]]));
      expect(locked.workflow.content.inline).toBe(readBefore.inline);
      expect(locked.workflow).toEqual({ ...workflow, content: readBefore });
    });
    const other = new Map([[documentId, { ...readBefore, sha256: 'b'.repeat(64) }]]);
    await expect(ds.transaction((tx) => store.lock(tx, [documentId], other))).rejects.toThrow(/content was not read before the lock/);
    await expect(ds.transaction((tx) => store.lock(tx, [documentId], new Map()))).rejects.toThrow(/content was not read before the lock/);
  });

  it('pages a signer\'s tasks by cursor', async () => {
    for (let i = 0; i < 3; i++) await submit();
    const all = (await listFor(pki.teacher.personId, null, { limit: '200' })).items.map((t) => t.taskId);
    const first = await listFor(pki.teacher.personId, null, { limit: '2' });
    expect(first).toMatchObject({ hasMore: true, nextCursor: all[1] });
    const rest = await listFor(pki.teacher.personId, null, { limit: '200', cursor: first.nextCursor });
    expect([...first.items, ...rest.items].map((t) => t.taskId)).toEqual(all);
  });

  it('signs a task once when two approvals race', async () => {
    const documentId = await submit();
    const [first] = await taskIds(documentId);
    const attempt = () => handlers.approve.execute(ApproveTasksCommand.from({ taskIds: [first], pin: PIN }), pki.teacher.personId).then(() => 'ok', (e) => e.code);
    expect((await Promise.all([attempt(), attempt()])).sort()).toEqual(['SIGNING.TASK_NOT_PENDING', 'ok']);
    expect(await ds.query('SELECT 1 FROM signatures WHERE document_id = $1', [documentId])).toHaveLength(1);
  });

  it('sends each reminder once however many instances look for overdue tasks', async () => {
    const documentId = await submit();
    const [first] = await taskIds(documentId);
    await ds.query(`UPDATE signing_tasks SET due_at = now() - interval '1 hour' WHERE task_id = $1`, [first]);
    const sent = await Promise.all([handlers.reminders.run(), handlers.reminders.run()]);
    expect(sent[0] + sent[1]).toBe(1);
    const reminders = (await outboxOf(Topics.SignatureRequested, documentId)).filter((e) => e.reminder);
    expect(reminders.map((e) => e.taskId)).toEqual([first]);
    expect(await handlers.reminders.run()).toBe(0);
    await ds.query(`UPDATE signing_tasks SET reminded_at = now() - interval '25 hours' WHERE task_id = $1`, [first]);
    expect(await handlers.reminders.run()).toBeGreaterThanOrEqual(1);
  });

  it('records a rejection and cancels the steps after it', async () => {
    const documentId = await submit();
    const [first] = await taskIds(documentId);
    await handlers.reject.execute(first, 'Sai tên học sinh', pki.teacher.personId);
    const states = await ds.query('SELECT state, reason FROM signing_tasks WHERE document_id = $1 ORDER BY step', [documentId]);
    expect(states).toEqual([{ state: 'REJECTED', reason: 'Sai tên học sinh' }, { state: 'CANCELLED', reason: 'Sai tên học sinh' }, { state: 'CANCELLED', reason: 'Sai tên học sinh' }]);
    const [rejected] = await outboxOf(Topics.DocumentRejected, documentId);
    expect(rejected).toMatchObject({ taskId: first, step: 1, role: 'homeroom-teacher', personId: pki.teacher.personId, reason: 'Sai tên học sinh' });
  });
});
