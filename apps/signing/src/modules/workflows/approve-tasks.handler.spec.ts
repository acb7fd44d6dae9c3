import { Topics } from '@edu/contracts';
import { checkStatus, validateDetached } from '../../../../../test/support/cms.js';
import { HTTP_STATUS, type DomainError } from '@edu/errors';
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxEvents } from '../../testing/fakes.js';
import { buildWorkflowPki, ISSUER, PIN, workflowWorld } from '../../testing/workflow-world.js';
import { ApproveTasksCommand } from './task-requests.js';

const approve = (taskIds: string[], pin = PIN) => ApproveTasksCommand.from({ taskIds, pin });
const status = (err: DomainError) => HTTP_STATUS[err.kind];

describe('ApproveTasksHandler', () => {
  const pki = buildWorkflowPki();
  let world: ReturnType<typeof workflowWorld>;

  beforeEach(() => {
    world = workflowWorld(pki);
  });

  /** Snapshot of everything an approval may change. */
  const state = () => JSON.stringify({
    tasks: [...world.store.tasks.values()], workflows: [...world.store.workflows.values()].map((w) => w.state),
    signatures: world.records.rows.length, audit: world.audit.entries.length, outbox: world.ctx.sql.filter((q) => q.text.startsWith('INSERT INTO outbox')).length,
  });

  it('takes a học bạ from the homeroom teacher to the principal, then seals it at once and announces every signature in order', async () => {
    const doc = await world.submit();
    const content = Buffer.from(doc.event.content!.inline);
    const first = await world.handlers.approve.execute(approve([doc.tasks()[0].taskId]), pki.teacher.personId);
    expect(first.documents).toEqual([{ documentId: doc.documentId, state: 'IN_PROGRESS', pendingStep: { step: 2, role: 'principal' } }]);
    expect(doc.tasks().map((t) => t.state)).toEqual(['SIGNED', 'PENDING', 'WAITING']);
    expect(doc.tasks()[0].doneBy).toBe(pki.teacher.personId);
    const asked = outboxEvents(world.ctx, Topics.SignatureRequested).at(-1)!;
    expect(asked.payload).toMatchObject({ documentId: doc.documentId, step: 2, role: 'principal', assigneePersonId: '', reminder: false });

    const second = await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), pki.principal.personId);
    expect(second.documents[0]).toEqual({ documentId: doc.documentId, state: 'SIGNED', pendingStep: null });
    expect(doc.tasks().map((t) => t.state)).toEqual(['SIGNED', 'SIGNED', 'SIGNED']);
    expect(doc.tasks()[2].doneBy).toBe('seal:seal-key-1');
    expect(world.store.workflows.get(doc.documentId)?.state).toBe('SIGNED');

    const [signed, ...more] = outboxEvents(world.ctx, Topics.DocumentSigned);
    expect(more).toHaveLength(0);
    expect(signed.key).toBe(doc.documentId);
    expect(signed.payload).toMatchObject({ documentId: doc.documentId, documentType: 'hoc-ba', issuerCode: ISSUER, version: 1, studentId: '3150000002' });
    expect(Buffer.from(signed.payload.content!.inline).equals(content)).toBe(true);
    const signatures = signed.payload.signatures;
    expect(signatures.map((s) => [s.index, s.role, s.signerSubject])).toEqual([
      [1, 'homeroom-teacher', pki.teacher.signerSubject],
      [2, 'principal', pki.principal.signerSubject],
      [3, 'institution-seal', pki.sealSigner.signerSubject],
    ]);
    const trust = [[pki.peopleRootPem], [pki.peopleRootPem], [pki.seal.rootPem]];
    for (const [i, s] of signatures.entries()) {
      const report = await validateDetached(content, Buffer.from(s.cms), trust[i]);
      expect([checkStatus(report, 'integrity'), checkStatus(report, 'chain')]).toEqual(['passed', 'passed']);
      expect(report.signer?.subject).toBe(s.signerSubject);
      expect(report.signingTime?.toISOString()).toBe(s.signedAt);
    }
    expect(world.audit.entries.filter((e) => e.documentId === doc.documentId).map((e) => e.action))
      .toEqual(['created', 'requested', 'approved', 'requested', 'approved', 'sealed', 'signed']);
  });

  it('approves a batch with one PIN check and one signature call, all documents moving on together', async () => {
    const docs = [await world.submit(), await world.submit(), await world.submit()];
    const result = await world.handlers.approve.execute(approve(docs.map((d) => d.tasks()[0].taskId)), pki.teacher.personId);
    expect(result.approved).toHaveLength(3);
    expect(world.personKeys.unlocks).toBe(1);
    expect(world.levels.calls).toEqual([3]);
    for (const d of docs) expect(d.tasks().map((t) => t.state)).toEqual(['SIGNED', 'PENDING', 'WAITING']);

    world.levels.calls.length = 0;
    await world.handlers.approve.execute(approve(docs.map((d) => d.tasks()[1].taskId)), pki.principal.personId);
    // One call for the principal's signatures, one for the issuer's seals.
    expect(world.levels.calls).toEqual([3, 3]);
    expect(outboxEvents(world.ctx, Topics.DocumentSigned).map((e) => e.key).sort()).toEqual(docs.map((d) => d.documentId).sort());
  });

  it('refuses the whole batch, naming every offending task, when one task is unknown, not the signer\'s or not pending', async () => {
    const [a, b] = [await world.submit(), await world.submit()];
    const unknown = '0199a000-0000-7000-8000-00000000ffff';
    const before = state();
    const cases: Array<[string[], string, number, string[]]> = [
      [[a.tasks()[0].taskId, unknown], 'SIGNING.TASK_NOT_FOUND', 404, [unknown]],
      [[a.tasks()[0].taskId, b.tasks()[1].taskId], 'SIGNING.TASK_NOT_YOURS', 403, [b.tasks()[1].taskId]],
    ];
    for (const [ids, code, http, offending] of cases) {
      const err = await world.handlers.approve.execute(approve(ids), pki.teacher.personId).catch((e) => e);
      expect(err.code).toBe(code);
      expect(status(err)).toBe(http);
      expect(err.field).toBe(offending.join(','));
    }
    const notPending = await world.handlers.approve.execute(approve([a.tasks()[1].taskId, b.tasks()[1].taskId]), pki.principal.personId).catch((e) => e);
    expect([notPending.code, status(notPending), notPending.field]).toEqual(['SIGNING.TASK_NOT_PENDING', 409, `${a.tasks()[1].taskId},${b.tasks()[1].taskId}`]);
    expect(state()).toBe(before);
    expect(world.personKeys.unlocks).toBe(0);
  });

  it('never signs a task twice: a second approval is refused and changes nothing', async () => {
    const doc = await world.submit();
    const taskId = doc.tasks()[0].taskId;
    await world.handlers.approve.execute(approve([taskId]), pki.teacher.personId);
    const before = state();
    const err = await world.handlers.approve.execute(approve([taskId]), pki.teacher.personId).catch((e) => e);
    expect(err).toMatchObject({ code: 'SIGNING.TASK_NOT_PENDING', field: taskId });
    expect(state()).toBe(before);
    expect(world.records.rows.filter((r) => r.documentId === doc.documentId)).toHaveLength(1);
    // The tasks are read again under lock: a task approved between the first check and the lock is refused too.
    const other = await world.submit();
    const racing = other.tasks()[0].taskId;
    const lock = world.store.lock.bind(world.store);
    world.store.lock = async (em, ids) => {
      const t = world.store.tasks.get(racing)!;
      world.store.tasks.set(racing, { ...t, state: 'SIGNED' });
      return lock(em, ids);
    };
    const raced = await world.handlers.approve.execute(approve([racing]), pki.teacher.personId).catch((e) => e);
    expect(raced.code).toBe('SIGNING.TASK_NOT_PENDING');
    expect(world.records.rows.filter((r) => r.documentId === other.documentId)).toHaveLength(0);
  });

  it('lets any ACTIVE principal of the issuer approve a principal step, and no principal of another school', async () => {
    const doc = await world.submit();
    await world.handlers.approve.execute(approve([doc.tasks()[0].taskId]), pki.teacher.personId);
    const foreign = await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), pki.otherPrincipal.personId).catch((e) => e);
    expect(foreign.code).toBe('SIGNING.TASK_NOT_YOURS');
    const teacher = await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), pki.teacher.personId).catch((e) => e);
    expect(teacher.code).toBe('SIGNING.TASK_NOT_YOURS');
    const deputy = { ...pki.principal, personId: '3100000099' };
    world.assignees.principals.set(deputy.personId, ISSUER);
    world.personKeys.people.set(deputy.personId, { pin: PIN, signer: deputy });
    await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), deputy.personId);
    expect(doc.tasks()[1]).toMatchObject({ state: 'SIGNED', doneBy: deputy.personId });
  });

  it('refuses the approval, changing nothing, when the issuer\'s seal cannot seal', async () => {
    const doc = await world.submit();
    await world.handlers.approve.execute(approve([doc.tasks()[0].taskId]), pki.teacher.personId);
    const before = state();
    world.seal.active = null;
    const notReady = await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), pki.principal.personId).catch((e) => e);
    expect([notReady.code, status(notReady)]).toEqual(['SIGNING.SEAL_NOT_READY', 409]);
    world.seal.revoked = { serialHex: '0a', reason: 'keyCompromise' };
    const revoked = await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), pki.principal.personId).catch((e) => e);
    expect([revoked.code, status(revoked)]).toEqual(['SIGNING.SEAL_REVOKED', 422]);
    expect(revoked.text.en).toContain('keyCompromise');
    world.seal.revoked = null;
    world.seal.active = { ...pki.sealSigner, notAfter: new Date(Date.now() - 1000) };
    const expired = await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), pki.principal.personId).catch((e) => e);
    expect([expired.code, status(expired)]).toEqual(['SIGNING.SEAL_EXPIRED', 409]);
    expect(state()).toBe(before);
    expect(doc.tasks()[1].state).toBe('PENDING');

    world.seal.active = pki.sealSigner;
    await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), pki.principal.personId);
    expect(world.store.workflows.get(doc.documentId)?.state).toBe('SIGNED');
  });

  it('signs nothing with a wrong PIN', async () => {
    const doc = await world.submit();
    const before = state();
    const err = await world.handlers.approve.execute(approve([doc.tasks()[0].taskId], '000000'), pki.teacher.personId).catch((e) => e);
    expect(err.code).toBe('SIGNING.PIN_WRONG');
    expect(state()).toBe(before);
  });

  it('announces a grade book after its last person, with no seal', async () => {
    const subjectTeacher = pki.teacher.personId;
    world.assignees.assign({ schoolCode: ISSUER, schoolYear: '2025-2026', className: '10A1', subject: 'TOAN' }, subjectTeacher);
    const doc = await world.submit({ documentType: 'so-diem', content: Buffer.from('{"subjectCode":"TOAN","hocKy":1}') });
    await world.handlers.approve.execute(approve([doc.tasks()[0].taskId]), subjectTeacher);
    expect(outboxEvents(world.ctx, Topics.DocumentSigned)).toHaveLength(0);
    await world.handlers.approve.execute(approve([doc.tasks()[1].taskId]), pki.principal.personId);
    const [signed] = outboxEvents(world.ctx, Topics.DocumentSigned);
    expect(signed.payload.signatures.map((s) => [s.index, s.role])).toEqual([[1, 'subject-teacher'], [2, 'principal']]);
    expect(world.levels.calls).toEqual([1, 1]);
  });

  it('refuses content changed in the staging bucket since it was submitted', async () => {
    const doc = await world.submit();
    const stored = world.store.workflows.get(doc.documentId)!;
    world.store.workflows.set(doc.documentId, { ...stored, content: { ...stored.content, inline: Buffer.from('{"diem":10}') } });
    const err = await world.handlers.approve.execute(approve([doc.tasks()[0].taskId]), pki.teacher.personId).catch((e) => e);
    expect(err.code).toBe('SIGNING.CONTENT_MISMATCH');
    expect(world.records.rows).toHaveLength(0);
  });
});
