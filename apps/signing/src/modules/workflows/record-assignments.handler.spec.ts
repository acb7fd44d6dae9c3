import type { EventPayload, Topics } from '@edu/contracts';
import type { EntityManager } from '@edu/persistence';
import { describe, expect, it } from 'vitest';
import { FakeAssignees } from '../../testing/workflow-fakes.js';
import { RecordAssignmentsHandler } from './record-assignments.handler.js';

type TeacherAssigned = EventPayload<typeof Topics.TeacherAssigned>;
const event = (personId: string, className: string, subject: string, schoolCode = '31000101') =>
  ({ payload: { personId, schoolCode, className, subject, schoolYear: '2025-2026' } as TeacherAssigned });

describe('record assignments handler', () => {
  it('upserts a batch with one statement, the latest assignment of a class and subject winning', async () => {
    const assignees = new FakeAssignees();
    await new RecordAssignmentsHandler(assignees).applyBatch(
      [event('GV-1', '10A1', 'CHU_NHIEM'), event('GV-2', '10A1', 'TOAN'), event('GV-3', '10A1', 'CHU_NHIEM'), event('GV-1', '10A2', 'CHU_NHIEM')],
      {} as EntityManager,
    );
    expect(assignees.upserts).toHaveLength(1);
    expect(assignees.upserts[0].map((a) => [a.className, a.subject, a.personId])).toEqual([
      ['10A1', 'CHU_NHIEM', 'GV-3'],
      ['10A1', 'TOAN', 'GV-2'],
      ['10A2', 'CHU_NHIEM', 'GV-1'],
    ]);
  });

  it('dead-letters an assignment that lacks a field', async () => {
    const handler = new RecordAssignmentsHandler(new FakeAssignees());
    const err = await handler.applyBatch([event('GV-1', '', 'TOAN')], {} as EntityManager).catch((e) => e);
    expect(err).toMatchObject({ code: 'SIGNING.EVENT_INCOMPLETE', field: 'className' });
  });
});
