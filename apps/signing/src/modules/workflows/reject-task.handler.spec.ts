import { Topics } from '@edu/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxEvents } from '../../testing/fakes.js';
import { buildWorkflowPki, PIN, workflowWorld } from '../../testing/workflow-world.js';
import { ApproveTasksCommand } from './task-requests.js';

describe('RejectTaskHandler', () => {
  const pki = buildWorkflowPki();
  let world: ReturnType<typeof workflowWorld>;

  beforeEach(() => {
    world = workflowWorld(pki);
  });

  it('sends the document back: task REJECTED with the reason, later steps CANCELLED, DocumentRejected', async () => {
    const doc = await world.submit();
    await world.handlers.approve.execute(ApproveTasksCommand.from({ taskIds: [doc.tasks()[0].taskId], pin: PIN }), pki.teacher.personId);
    const taskId = doc.tasks()[1].taskId;
    const result = await world.handlers.reject.execute(taskId.toUpperCase(), 'Điểm Toán học kỳ II chưa khớp sổ điểm', pki.principal.personId);
    expect(result).toEqual({ taskId, documentId: doc.documentId, state: 'REJECTED' });
    expect(doc.tasks().map((t) => t.state)).toEqual(['SIGNED', 'REJECTED', 'CANCELLED']);
    expect(doc.tasks()[1]).toMatchObject({ doneBy: pki.principal.personId, reason: 'Điểm Toán học kỳ II chưa khớp sổ điểm' });
    expect(world.store.workflows.get(doc.documentId)?.state).toBe('REJECTED');
    const [rejected] = outboxEvents(world.ctx, Topics.DocumentRejected);
    expect(rejected.key).toBe(doc.documentId);
    expect(rejected.payload).toMatchObject({
      documentId: doc.documentId, taskId, step: 2, role: 'principal', personId: pki.principal.personId,
      reason: 'Điểm Toán học kỳ II chưa khớp sổ điểm', rejectedAt: doc.tasks()[1].doneAt!.toISOString(),
    });
    expect(world.audit.entries.at(-1)).toMatchObject({ action: 'rejected', actor: pki.principal.personId, taskId });
    expect(outboxEvents(world.ctx, Topics.DocumentSigned)).toHaveLength(0);
  });

  it('refuses unknown tasks, other people\'s tasks and tasks not waiting for a signature', async () => {
    const doc = await world.submit();
    const cases: Array<[string, string, string]> = [
      ['not-a-uuid', pki.teacher.personId, 'SIGNING.TASK_NOT_FOUND'],
      ['0199a000-0000-7000-8000-00000000ffff', pki.teacher.personId, 'SIGNING.TASK_NOT_FOUND'],
      [doc.tasks()[0].taskId, pki.principal.personId, 'SIGNING.TASK_NOT_YOURS'],
      [doc.tasks()[1].taskId, pki.principal.personId, 'SIGNING.TASK_NOT_PENDING'],
    ];
    for (const [taskId, personId, code] of cases) {
      const err = await world.handlers.reject.execute(taskId, 'sai', personId).catch((e) => e);
      expect(err.code, taskId).toBe(code);
    }
    expect(doc.tasks().map((t) => t.state)).toEqual(['PENDING', 'WAITING', 'WAITING']);
    expect(outboxEvents(world.ctx, Topics.DocumentRejected)).toHaveLength(0);
  });
});
