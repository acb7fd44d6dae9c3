import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext, EventHandler } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { DirectoryRepository, type DirectoryEnrolment } from './directory.repository.js';

type StudentEnrolled = EventPayload<typeof Topics.StudentEnrolled>;

const toEnrolment = (e: StudentEnrolled): DirectoryEnrolment => ({
  studentId: e.studentId,
  schoolYear: e.schoolYear,
  schoolCode: e.schoolCode,
  className: e.className,
  grade: e.grade,
  fullName: e.fullName,
  dateOfBirth: e.dateOfBirth,
  gender: e.gender === 'NU' ? 'NU' : 'NAM',
  personalId: e.personalId || null,
});

/**
 * Keeps interchange's copy of who studies where. A batch is one statement, so a province-wide roster import (half a
 * million events) drains in minutes, not hours. Within a batch the latest event of a student and school year wins:
 * the inbox hands them over in order per key.
 */
@Injectable()
export class RecordEnrolmentsHandler implements EventHandler<typeof Topics.StudentEnrolled> {
  constructor(@Inject(DirectoryRepository) private readonly directory: DirectoryRepository) {}

  async apply(e: StudentEnrolled, ctx: EventContext): Promise<void> {
    await this.applyBatch([{ payload: e }], ctx.em);
  }

  async applyBatch(events: Array<{ payload: StudentEnrolled }>, em: EntityManager): Promise<void> {
    const latest = new Map<string, DirectoryEnrolment>();
    for (const { payload } of events) latest.set(`${payload.studentId}|${payload.schoolYear}`, toEnrolment(payload));
    await this.directory.upsertEnrolments(em, [...latest.values()]);
  }
}
