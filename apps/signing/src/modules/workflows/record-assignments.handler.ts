import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext, EventHandler } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { Assignees, slotKey, type Assignment } from './assignees.js';

type TeacherAssigned = EventPayload<typeof Topics.TeacherAssigned>;

function toAssignment(e: TeacherAssigned): Assignment {
  for (const field of ['personId', 'schoolCode', 'className', 'subject', 'schoolYear'] as const)
    if (!e[field]) throw SigningErrors.eventIncomplete(field);
  return { schoolCode: e.schoolCode, schoolYear: e.schoolYear, className: e.className, subject: e.subject, personId: e.personId };
}

/**
 * Keeps signing's copy of who teaches which class: one statement per batch, so a province's roster import drains
 * quickly. Within a batch the latest event of a slot wins; the inbox hands them over in order per key.
 */
@Injectable()
export class RecordAssignmentsHandler implements EventHandler<typeof Topics.TeacherAssigned> {
  constructor(@Inject(Assignees) private readonly assignees: Assignees) {}

  async apply(e: TeacherAssigned, ctx: EventContext): Promise<void> {
    await this.applyBatch([{ payload: e }], ctx.em);
  }

  async applyBatch(events: Array<{ payload: TeacherAssigned }>, em: EntityManager): Promise<void> {
    const latest = new Map<string, Assignment>();
    for (const { payload } of events) {
      const a = toAssignment(payload);
      latest.set(slotKey(a), a);
    }
    await this.assignees.upsert(em, [...latest.values()]);
  }
}
