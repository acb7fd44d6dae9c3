import { Topics } from '@edu/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxEvents } from '../../testing/fakes.js';
import { buildWorkflowPki, workflowWorld } from '../../testing/workflow-world.js';

describe('CancelWorkflowHandler', () => {
  const pki = buildWorkflowPki();
  let world: ReturnType<typeof workflowWorld>;

  beforeEach(() => {
    world = workflowWorld(pki);
  });

  it('cancels the open tasks and tells the school SIGNING.WORKFLOW_CANCELLED with the reason', async () => {
    const doc = await world.submit();
    expect(await world.handlers.cancel.execute(doc.documentId, 'Học sinh chuyển trường', 'ops-client')).toEqual({ documentId: doc.documentId, state: 'CANCELLED' });
    expect(doc.tasks().map((t) => t.state)).toEqual(['CANCELLED', 'CANCELLED', 'CANCELLED']);
    expect(world.store.workflows.get(doc.documentId)?.state).toBe('CANCELLED');
    const [failed] = outboxEvents(world.ctx, Topics.DocumentSigningFailed);
    expect(failed).toMatchObject({ key: doc.documentId, payload: { documentId: doc.documentId, code: 'SIGNING.WORKFLOW_CANCELLED' } });
    expect(failed.payload.reasonVi).toContain('Học sinh chuyển trường');
    expect(failed.payload.reasonEn).toContain('Học sinh chuyển trường');
    expect(world.audit.entries.at(-1)).toMatchObject({ action: 'cancelled', actor: 'ops-client', detail: { reason: 'Học sinh chuyển trường' } });
  });

  it('refuses a workflow that is over, and one that does not exist', async () => {
    const doc = await world.submit();
    await world.handlers.cancel.execute(doc.documentId, 'lần một', 'ops');
    const again = await world.handlers.cancel.execute(doc.documentId, 'lần hai', 'ops').catch((e) => e);
    expect(again).toMatchObject({ code: 'SIGNING.WORKFLOW_CLOSED', kind: 'conflict' });
    for (const id of ['nope', '0199a000-0000-7000-8000-00000000ffff']) {
      const err = await world.handlers.cancel.execute(id, 'x', 'ops').catch((e) => e);
      expect(err).toMatchObject({ code: 'SIGNING.WORKFLOW_NOT_FOUND', kind: 'not-found' });
    }
    expect(outboxEvents(world.ctx, Topics.DocumentSigningFailed)).toHaveLength(1);
  });
});
