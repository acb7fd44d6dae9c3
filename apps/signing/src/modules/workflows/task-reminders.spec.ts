import { Topics } from '@edu/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { outboxEvents } from '../../testing/fakes.js';
import { buildWorkflowPki, workflowWorld } from '../../testing/workflow-world.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe('TaskReminders', () => {
  const pki = buildWorkflowPki();
  let world: ReturnType<typeof workflowWorld>;

  beforeEach(() => {
    world = workflowWorld(pki);
  });

  const reminders = () => outboxEvents(world.ctx, Topics.SignatureRequested).filter((e) => e.payload.reminder);

  it('reminds the signer of an overdue task at most once per SIGNING_REMINDER_HOURS', async () => {
    const doc = await world.submit();
    const due = doc.tasks()[0].dueAt!.getTime();
    expect(await world.handlers.reminders.run(new Date(due - HOUR))).toBe(0);
    expect(await world.handlers.reminders.run(new Date(due + HOUR))).toBe(1);
    const [reminder] = reminders();
    expect(reminder.key).toBe(doc.documentId);
    expect(reminder.payload).toMatchObject({
      documentId: doc.documentId, taskId: doc.tasks()[0].taskId, step: 1, role: 'homeroom-teacher', assigneePersonId: pki.teacher.personId,
      documentType: 'hoc-ba', dueAt: new Date(due).toISOString(), reminder: true,
    });
    expect(await world.handlers.reminders.run(new Date(due + 24 * HOUR))).toBe(0);
    expect(await world.handlers.reminders.run(new Date(due + 25 * HOUR))).toBe(1);
    expect(reminders()).toHaveLength(2);
    expect(world.audit.entries.filter((e) => e.action === 'reminded')).toHaveLength(2);
  });

  it('does not remind tasks that are signed, waiting for an earlier step, or cancelled', async () => {
    const doc = await world.submit();
    await world.handlers.cancel.execute(doc.documentId, 'huỷ', 'ops');
    expect(await world.handlers.reminders.run(new Date(Date.now() + 30 * DAY))).toBe(0);
    expect(reminders()).toHaveLength(0);
  });

  it('works through a backlog bigger than one batch', async () => {
    const docs = [];
    for (let i = 0; i < 501; i++) docs.push(await world.submit());
    expect(await world.handlers.reminders.run(new Date(Date.now() + 8 * DAY))).toBe(501);
    expect(new Set(reminders().map((e) => e.payload.taskId)).size).toBe(501);
  });
});
