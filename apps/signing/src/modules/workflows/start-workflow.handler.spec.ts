import { create } from '@bufbuild/protobuf';
import { DocumentSubmittedSchema, Topics } from '@edu/contracts';
import { isPermanent } from '@edu/errors';
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxEvents } from '../../testing/fakes.js';
import { buildWorkflowPki, CLASS, ISSUER, workflowWorld } from '../../testing/workflow-world.js';

describe('StartWorkflowHandler', () => {
  const pki = buildWorkflowPki();
  let world: ReturnType<typeof workflowWorld>;

  beforeEach(() => {
    world = workflowWorld(pki);
  });

  it('gives a học bạ its tasks in order, asks the homeroom teacher first, and signs nothing yet', async () => {
    const before = Date.now();
    const { documentId, tasks } = await world.submit();
    expect(world.store.workflows.get(documentId)).toMatchObject({ state: 'IN_PROGRESS', issuerCode: ISSUER, className: CLASS, documentType: 'hoc-ba' });
    expect(tasks().map((t) => [t.step, t.role, t.assigneePersonId, t.state])).toEqual([
      [1, 'homeroom-teacher', pki.teacher.personId, 'PENDING'],
      [2, 'principal', null, 'WAITING'],
      [3, 'institution-seal', null, 'WAITING'],
    ]);
    const due = tasks()[0].dueAt!.getTime();
    expect(due).toBeGreaterThanOrEqual(before + 7 * 86_400_000);
    expect(due).toBeLessThanOrEqual(Date.now() + 7 * 86_400_000);
    expect(world.records.rows).toHaveLength(0);
    expect(outboxEvents(world.ctx, Topics.DocumentSigned)).toHaveLength(0);
    const [requested] = outboxEvents(world.ctx, Topics.SignatureRequested);
    expect(requested.key).toBe(documentId);
    expect(requested.payload).toMatchObject({
      documentId, taskId: tasks()[0].taskId, documentType: 'hoc-ba', issuerCode: ISSUER, step: 1, role: 'homeroom-teacher',
      assigneePersonId: pki.teacher.personId, dueAt: tasks()[0].dueAt!.toISOString(), reminder: false,
    });
    expect(requested.meta).toMatchObject({ correlationId: world.ctx.meta.correlationId, causationId: world.ctx.meta.eventId });
    expect(world.audit.entries.filter((e) => e.documentId === documentId).map((e) => e.action)).toEqual(['created', 'requested']);
  });

  it('does nothing for a document it has seen before', async () => {
    const { event } = await world.submit();
    const statements = world.ctx.sql.length;
    await world.handlers.start.execute(event, world.ctx);
    expect(world.store.tasks.size).toBe(3);
    expect(world.ctx.sql).toHaveLength(statements);
  });

  it('fails content that does not match its hash, with the reason for the school', async () => {
    const event = world.submitted({ sha256: 'a'.repeat(64) });
    await world.handlers.start.execute(event, world.ctx);
    const [failed] = outboxEvents(world.ctx, Topics.DocumentSigningFailed);
    expect(failed).toMatchObject({ key: event.documentId, payload: { documentId: event.documentId, code: 'SIGNING.CONTENT_MISMATCH' } });
    expect(failed.payload.reasonVi.length).toBeGreaterThan(0);
    expect(world.store.workflows.get(event.documentId)).toMatchObject({ state: 'FAILED', failureCode: 'SIGNING.CONTENT_MISMATCH' });
    expect(world.store.tasksOf(event.documentId)).toHaveLength(0);
    expect(outboxEvents(world.ctx, Topics.SignatureRequested)).toHaveLength(0);
  });

  it('reads staged content from the staging bucket only, and fails content that is gone', async () => {
    const bytes = Buffer.from('{"hocSinh":"Trần Thị B"}');
    world.staged.set('hoc-ba/x.json', bytes);
    const staged = (key: string, bucket = 'edu-staging') => world.submitted({ content: bytes, staged: { bucket, key } });
    const ok = staged('hoc-ba/x.json');
    const gone = staged('hoc-ba/gone.json');
    const outside = staged('hoc-ba/x.json', 'edu-archive');
    for (const event of [ok, gone, outside]) await world.handlers.start.execute(event, world.ctx);
    expect(world.store.workflows.get(ok.documentId)?.state).toBe('IN_PROGRESS');
    expect(outboxEvents(world.ctx, Topics.DocumentSigningFailed).map((e) => [e.key, e.payload.code])).toEqual([
      [gone.documentId, 'SIGNING.CONTENT_MISSING'],
      [outside.documentId, 'SIGNING.CONTENT_OUTSIDE_STAGING'],
    ]);
  });

  it('fails a type without a workflow and a class without a homeroom teacher, in Vietnamese and English', async () => {
    const unknownType = world.submitted({ documentType: 'bien-ban' });
    const noTeacher = world.submitted({ className: '12C9' });
    for (const event of [unknownType, noTeacher]) await world.handlers.start.execute(event, world.ctx);
    const failed = outboxEvents(world.ctx, Topics.DocumentSigningFailed);
    expect(failed.map((e) => [e.key, e.payload.code])).toEqual([
      [unknownType.documentId, 'SIGNING.WORKFLOW_UNKNOWN'],
      [noTeacher.documentId, 'SIGNING.SIGNER_UNKNOWN'],
    ]);
    expect(failed[1].payload.reasonEn).toMatch(/homeroom-teacher.*12C9.*2025-2026/);
    expect(failed[1].payload.reasonVi).toMatch(/giáo viên chủ nhiệm.*12C9.*2025-2026/);
  });

  it('dead-letters events it cannot answer', async () => {
    for (const event of [create(DocumentSubmittedSchema, { ...world.submitted(), documentId: 'x' }), world.submitted({ sha256: '' })]) {
      const err = await world.handlers.start.execute(event, world.ctx).catch((e) => e);
      expect(err.code).toBe('SIGNING.EVENT_INCOMPLETE');
      expect(isPermanent(err)).toBe(true);
    }
    expect(world.store.workflows.size).toBe(0);
  });

  it('cancels the open workflow of the version a new submission supersedes, keeping its signatures', async () => {
    const first = await world.submit();
    await world.handlers.approve.execute({ taskIds: [first.tasks()[0].taskId], pin: '482915' }, pki.teacher.personId);
    const second = await world.submit({ supersedes: first.documentId });
    expect(world.store.workflows.get(first.documentId)?.state).toBe('CANCELLED');
    expect(first.tasks().map((t) => t.state)).toEqual(['SIGNED', 'CANCELLED', 'CANCELLED']);
    expect(first.tasks()[1].reason).toBe(`superseded by ${second.documentId}`);
    expect(world.records.rows.filter((r) => r.documentId === first.documentId)).toHaveLength(1);
    expect(world.store.workflows.get(second.documentId)?.state).toBe('IN_PROGRESS');
    const cancelled = world.audit.entries.find((e) => e.documentId === first.documentId && e.action === 'cancelled');
    expect(cancelled?.detail).toMatchObject({ reason: 'superseded', supersededBy: second.documentId, tasks: [first.tasks()[1].taskId, first.tasks()[2].taskId] });
    expect(world.store.locked).toContainEqual([first.documentId]);
  });

  it('starts a superseded version cancelled when its successor arrived first, in a later batch or the same one', async () => {
    const older = world.submitted();
    const newer = world.submitted({ supersedes: older.documentId });
    await world.handlers.start.execute(newer, world.ctx);
    await world.handlers.start.execute(older, world.ctx);
    expect(world.store.workflows.get(older.documentId)?.state).toBe('CANCELLED');
    expect(world.store.tasksOf(older.documentId)).toHaveLength(0);

    const a = world.submitted();
    const b = world.submitted({ supersedes: a.documentId });
    const batch = [b, a].map((payload) => ({ payload, meta: world.ctx.meta }));
    const prepared = await Promise.all(batch.map((e) => world.handlers.start.prepare(e.payload)));
    await world.handlers.start.applyBatch(batch.map((e, i) => ({ ...e, prepared: prepared[i] })), world.ctx.em);
    expect([world.store.workflows.get(a.documentId)?.state, world.store.workflows.get(b.documentId)?.state]).toEqual(['CANCELLED', 'IN_PROGRESS']);
    expect(outboxEvents(world.ctx, Topics.SignatureRequested).map((e) => e.key)).toEqual([newer.documentId, b.documentId]);
  });

  it('starts a batch with one statement for the events, reporting the document it cannot sign', async () => {
    const good = world.submitted();
    const bad = world.submitted({ sha256: 'b'.repeat(64) });
    const batch = [good, bad].map((payload) => ({ payload, meta: world.ctx.meta }));
    const prepared = await Promise.all(batch.map((e) => world.handlers.start.prepare(e.payload)));
    await world.handlers.start.applyBatch(batch.map((e, i) => ({ ...e, prepared: prepared[i] })), world.ctx.em);
    expect(outboxEvents(world.ctx, Topics.SignatureRequested).map((e) => e.key)).toEqual([good.documentId]);
    expect(outboxEvents(world.ctx, Topics.DocumentSigningFailed).map((e) => e.key)).toEqual([bad.documentId]);
    expect(world.ctx.sql.filter((q) => q.text.startsWith('INSERT INTO outbox'))).toHaveLength(1);
  });
});
