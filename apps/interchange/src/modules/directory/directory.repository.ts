import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';

export interface DirectorySchool {
  code: string;
  name: string;
  level: string;
}

export interface DirectoryEnrolment {
  studentId: string;
  schoolYear: string;
  schoolCode: string;
  className: string;
  grade: number;
  fullName: string;
  dateOfBirth: string;
  gender: 'NAM' | 'NU';
  personalId: string | null;
}

const INSTITUTION_LEVELS = ['MAM_NON', 'TIEU_HOC', 'THCS', 'THPT', 'GDTX'];
/** Positive answers are kept briefly: every submission asks them, and a closed school or a transfer may lag this long. */
const CACHE_MS = 30_000;

/** Interchange's own copy of the registry, kept from identity's events: who may issue, and who studies where. */
@Injectable()
export class DirectoryRepository {
  private readonly known = new Map<string, number>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private async remembered(key: string, ask: () => Promise<boolean>): Promise<boolean> {
    const until = this.known.get(key);
    if (until !== undefined && until > Date.now()) return true;
    const yes = await ask();
    if (yes) {
      if (this.known.size > 100_000) this.known.clear();
      this.known.set(key, Date.now() + CACHE_MS);
    }
    return yes;
  }

  async upsertOrganisation(em: EntityManager, org: { code: string; name: string; level: string; parentCode: string; status: string }): Promise<void> {
    await em.query(
      `INSERT INTO directory_organisations (code, name, level, parent_code, status) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code, status = EXCLUDED.status`,
      [org.code, org.name, org.level, org.parentCode || null, org.status || 'ACTIVE'],
    );
  }

  async upsertEnrolment(em: EntityManager, e: DirectoryEnrolment): Promise<void> {
    await em.query(
      `INSERT INTO directory_enrolments (student_id, school_year, school_code, class_name, grade, full_name, date_of_birth, gender, personal_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (student_id, school_year) DO UPDATE SET school_code = EXCLUDED.school_code, class_name = EXCLUDED.class_name,
         grade = EXCLUDED.grade, full_name = EXCLUDED.full_name, date_of_birth = EXCLUDED.date_of_birth, gender = EXCLUDED.gender,
         personal_id = EXCLUDED.personal_id`,
      [e.studentId, e.schoolYear, e.schoolCode, e.className, e.grade, e.fullName, e.dateOfBirth, e.gender, e.personalId],
    );
  }

  async school(code: string): Promise<DirectorySchool | null> {
    const [row] = await this.dataSource.query(
      `SELECT code, name, level FROM directory_organisations WHERE code = $1 AND status = 'ACTIVE' AND level = ANY($2)`,
      [code, INSTITUTION_LEVELS],
    );
    return row ?? null;
  }

  async isActiveSchool(code: string): Promise<boolean> {
    return this.remembered(`school|${code}`, async () => (await this.school(code)) !== null);
  }

  async isEnrolled(studentId: string, schoolYear: string, schoolCode: string): Promise<boolean> {
    return this.remembered(`enrolment|${studentId}|${schoolYear}|${schoolCode}`, async () => {
      const rows = await this.dataSource.query(
        'SELECT 1 FROM directory_enrolments WHERE student_id = $1 AND school_year = $2 AND school_code = $3',
        [studentId, schoolYear, schoolCode],
      );
      return rows.length > 0;
    });
  }

  /** The school's enrolments in its latest school year, in a stable order. */
  async enrolments(schoolCode: string): Promise<DirectoryEnrolment[]> {
    const rows = await this.dataSource.query(
      `SELECT student_id, school_year, school_code, class_name, grade, full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, gender, personal_id
       FROM directory_enrolments WHERE school_code = $1
         AND school_year = (SELECT max(school_year) FROM directory_enrolments WHERE school_code = $1)
       ORDER BY student_id`,
      [schoolCode],
    );
    return rows.map((r: Record<string, string>) => ({
      studentId: r.student_id,
      schoolYear: r.school_year,
      schoolCode: r.school_code,
      className: r.class_name,
      grade: Number(r.grade),
      fullName: r.full_name,
      dateOfBirth: r.dob,
      gender: r.gender as 'NAM' | 'NU',
      personalId: r.personal_id || null,
    }));
  }
}
