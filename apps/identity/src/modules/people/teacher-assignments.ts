import { Topics } from '@edu/contracts';
import { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { appendFromQuery } from './outbox-chunks.js';
import type { RowSource, WriteOutcome } from './student.js';

/** The homeroom teacher's "subject" in assignments.csv (giáo viên chủ nhiệm). */
export const HOMEROOM = 'CHU_NHIEM';

interface Assignment {
  person_id: string;
  school_code: string;
  class_name: string;
  subject: string;
  school_year: string;
}

/** Who teaches what to which class in a school year; a new assignment is announced as TeacherAssigned. */
@Injectable()
export class TeacherAssignments {
  constructor(@Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  async assignFrom(em: EntityManager, source: RowSource, correlationId?: string, onProgress?: (n: number) => unknown): Promise<WriteOutcome> {
    await em.query(
      `CREATE TEMP TABLE new_assignments ON COMMIT DROP AS
       SELECT DISTINCT src.person_id, src.school_code, src.class_name, src.subject, src.school_year FROM (${source.sql}) src
       WHERE NOT EXISTS (SELECT 1 FROM assignments a WHERE a.person_id = src.person_id AND a.school_code = src.school_code
                           AND a.class_name = src.class_name AND a.subject = src.subject AND a.school_year = src.school_year)`,
      source.params,
    );
    await em.query(`INSERT INTO assignments (person_id, school_code, class_name, subject, school_year) SELECT * FROM new_assignments`);
    const added = await appendFromQuery(this.outbox, em, 'SELECT * FROM new_assignments ORDER BY person_id', (r: Assignment) => ({
      key: r.person_id,
      event: {
        type: Topics.TeacherAssigned,
        correlationId,
        payload: { personId: r.person_id, schoolCode: r.school_code, className: r.class_name, subject: r.subject, schoolYear: r.school_year },
      },
    }), onProgress);
    await em.query('DROP TABLE new_assignments');
    return { changed: added };
  }
}
