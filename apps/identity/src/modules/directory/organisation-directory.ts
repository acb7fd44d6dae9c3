import { Topics } from '@edu/contracts';
import type { EntityManager } from '@edu/persistence';
import type { OutboxWriter } from '@edu/messaging';

export type OrganisationLevel = 'BO' | 'SO' | 'PHONG' | 'MAM_NON' | 'TIEU_HOC' | 'THCS' | 'THPT' | 'GDTX';

export interface Organisation {
  code: string;
  name: string;
  level: OrganisationLevel;
  parentCode: string | null;
  address?: string;
}

export interface Student {
  studentId: string;
  personalId: string;
  fullName: string;
  dateOfBirth: string;
  gender: 'NAM' | 'NU';
}

export interface Enrolment {
  studentId: string;
  schoolCode: string;
  className: string;
  grade: number;
  schoolYear: string;
}

/** Writes the registry and announces each change through the outbox in the same transaction. */
export class OrganisationDirectory {
  constructor(private readonly outbox: OutboxWriter) {}

  async registerOrganisation(em: EntityManager, org: Organisation): Promise<void> {
    await em.query(
      `INSERT INTO organisations (code, name, level, parent_code, address) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, address = EXCLUDED.address`,
      [org.code, org.name, org.level, org.parentCode, org.address ?? null],
    );
    await this.outbox.append(em, org.code, {
      type: Topics.OrganisationRegistered,
      payload: { code: org.code, name: org.name, level: org.level, parentCode: org.parentCode ?? '', status: 'ACTIVE' },
    });
  }

  async enrolStudent(em: EntityManager, student: Student, enrolment: Enrolment): Promise<void> {
    await em.query(
      `INSERT INTO students (student_id, personal_id, full_name, date_of_birth, gender) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (student_id) DO NOTHING`,
      [student.studentId, student.personalId, student.fullName, student.dateOfBirth, student.gender],
    );
    await em.query(
      `INSERT INTO enrolments (student_id, school_year, school_code, class_name, grade) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (student_id, school_year) DO UPDATE SET school_code = EXCLUDED.school_code, class_name = EXCLUDED.class_name, grade = EXCLUDED.grade`,
      [enrolment.studentId, enrolment.schoolYear, enrolment.schoolCode, enrolment.className, enrolment.grade],
    );
    await this.outbox.append(em, student.studentId, {
      type: Topics.StudentEnrolled,
      payload: { ...student, ...enrolment },
    });
  }
}
