import { Topics } from '@edu/contracts';
import { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { ANNOUNCED_ENROLMENTS, ENROLMENT_WRITES, STUDENT_CHANGES, studentChangesSql } from './enrol-students.sql.js';
import { writeAndAnnounce } from './outbox-chunks.js';
import type { Enrolment, RowSource, Student, WriteOutcome } from './student.js';

/** Students whose rows are written and announced together; their events are held in memory meanwhile. */
const STUDENTS_PER_CHUNK = 4_000;

interface ChangedEnrolment {
  student_id: string;
  personal_id: string;
  full_name: string;
  date_of_birth: string;
  gender: string;
  school_code: string;
  class_name: string;
  grade: number;
  school_year: string;
  previous_school_code: string;
}

/** The student registry: enrols students set-based and announces each new or changed enrolment (StudentEnrolled). */
@Injectable()
export class StudentEnrolments {
  constructor(@Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  /** Enrols students given in memory (the demo seed) the same way as a roster import. */
  async enrol(em: EntityManager, items: Array<{ student: Student; enrolment: Enrolment }>, correlationId?: string): Promise<WriteOutcome> {
    const column = (f: (i: { student: Student; enrolment: Enrolment }) => string | number | null) => items.map(f);
    return this.enrolFrom(em, {
      sql: `SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
              AS t(student_id, personal_id, full_name, date_of_birth, gender, school_code, class_name, grade, school_year)`,
      params: [
        column((i) => i.student.studentId),
        column((i) => i.student.personalId ?? ''),
        column((i) => i.student.fullName),
        column((i) => i.student.dateOfBirth),
        column((i) => i.student.gender),
        column((i) => i.enrolment.schoolCode),
        column((i) => i.enrolment.className),
        column((i) => String(i.enrolment.grade)),
        column((i) => i.enrolment.schoolYear),
      ],
    }, correlationId);
  }

  /**
   * Enrols the rows of `source` (already validated) set-based and appends one StudentEnrolled per new or changed row;
   * `onProgress` hears how many have been announced.
   */
  async enrolFrom(em: EntityManager, source: RowSource, correlationId?: string, onProgress?: (n: number) => unknown): Promise<WriteOutcome> {
    await em.query(studentChangesSql(source.sql), source.params);
    const [{ students }] = await em.query(`SELECT coalesce(max(n), 0)::int AS students FROM ${STUDENT_CHANGES}`);
    await em.query(`CREATE INDEX ON ${STUDENT_CHANGES} (n)`);
    // Each chunk touches a few thousand keys, so every statement must probe indexes. The planner's statistics cannot
    // see the rows this transaction has written (and an autovacuum may refresh them mid-way from a near-empty table),
    // so left to itself it may scan students or enrolments once per chunk, which turns minutes into hours.
    await em.query('SET LOCAL enable_seqscan = off');
    const changed = await writeAndAnnounce(this.outbox, em, {
      keys: students,
      keysPerChunk: STUDENTS_PER_CHUNK,
      writes: ENROLMENT_WRITES,
      announced: ANNOUNCED_ENROLMENTS,
      toEvent: (r: ChangedEnrolment) => ({
        key: r.student_id,
        event: {
          type: Topics.StudentEnrolled,
          correlationId,
          payload: {
            studentId: r.student_id,
            personalId: r.personal_id,
            fullName: r.full_name,
            dateOfBirth: r.date_of_birth,
            gender: r.gender,
            schoolCode: r.school_code,
            className: r.class_name,
            grade: Number(r.grade),
            schoolYear: r.school_year,
            previousSchoolCode: r.previous_school_code,
          },
        },
      }),
    }, onProgress);
    await em.query('SET LOCAL enable_seqscan = on');
    await em.query(`DROP TABLE ${STUDENT_CHANGES}`);
    return { changed };
  }
}
