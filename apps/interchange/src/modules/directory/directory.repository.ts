import { DataSource, preparedQuery, type EntityManager } from '@edu/persistence';
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

/** Organisations that issue records; administrative bodies (BO, SO, PHONG) do not. */
const INSTITUTION_LEVELS = ['MAM_NON', 'TIEU_HOC', 'THCS', 'THPT', 'LIEN_CAP', 'GDTX', 'GDNN', 'CAO_DANG'];
/**
 * Positive answers are kept briefly: every submission asks them. This process forgets an issuer as soon as it consumes
 * a change to it; another instance of interchange may answer from memory this long after a school closed.
 */
const CACHE_MS = 30_000;

export interface DirectoryIssuer {
  code: string;
  level: string;
  status: string;
  mergedInto: string | null;
}

export function isInstitution(level: string): boolean {
  return INSTITUTION_LEVELS.includes(level);
}

/** Interchange's own copy of the registry, kept from identity's events: who may issue, and who studies where. */
@Injectable()
export class DirectoryRepository {
  private readonly known = new Map<string, { until: number; value: unknown }>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  private async remembered<T>(key: string, ask: () => Promise<T>, keep: (value: T) => boolean): Promise<T> {
    const hit = this.known.get(key);
    if (hit !== undefined && hit.until > Date.now()) return hit.value as T;
    const value = await ask();
    if (keep(value)) {
      if (this.known.size > 100_000) this.known.clear();
      this.known.set(key, { until: Date.now() + CACHE_MS, value });
    }
    return value;
  }

  /** The latest state wins: identity sends a full snapshot on every change, in order per organisation. */
  async upsertOrganisation(
    em: EntityManager,
    org: { code: string; name: string; level: string; parentCode: string; status: string; mergedInto: string },
  ): Promise<void> {
    await em.query(
      `INSERT INTO directory_organisations (code, name, level, parent_code, status, merged_into) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
         status = EXCLUDED.status, merged_into = EXCLUDED.merged_into`,
      [org.code, org.name, org.level, org.parentCode || null, org.status || 'ACTIVE', org.mergedInto || null],
    );
    this.known.delete(`issuer|${org.code}`);
  }

  /** Upserts enrolments with one statement; a student and school year must appear at most once in `rows`. */
  async upsertEnrolments(em: EntityManager, rows: DirectoryEnrolment[]): Promise<void> {
    const column = <K extends keyof DirectoryEnrolment>(k: K) => rows.map((r) => r[k]);
    await em.query(
      `INSERT INTO directory_enrolments (student_id, school_year, school_code, class_name, grade, full_name, date_of_birth, gender, personal_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::date[], $8::text[], $9::text[])
       ON CONFLICT (student_id, school_year) DO UPDATE SET school_code = EXCLUDED.school_code, class_name = EXCLUDED.class_name,
         grade = EXCLUDED.grade, full_name = EXCLUDED.full_name, date_of_birth = EXCLUDED.date_of_birth, gender = EXCLUDED.gender,
         personal_id = EXCLUDED.personal_id`,
      [column('studentId'), column('schoolYear'), column('schoolCode'), column('className'), column('grade'), column('fullName'),
        column('dateOfBirth'), column('gender'), column('personalId')],
    );
  }

  async school(code: string): Promise<DirectorySchool | null> {
    const [row] = await preparedQuery<DirectorySchool[]>(
      this.dataSource,
      'interchange.directory-school',
      `SELECT code, name, level FROM directory_organisations WHERE code = $1 AND status = 'ACTIVE' AND level = ANY($2)`,
      [code, INSTITUTION_LEVELS],
    );
    return row ?? null;
  }

  /** The issuer as the directory knows it, whatever its status; null when identity never announced it. */
  async issuer(code: string): Promise<DirectoryIssuer | null> {
    return this.remembered(`issuer|${code}`, async () => {
      const [row] = await this.dataSource.query('SELECT code, level, status, merged_into FROM directory_organisations WHERE code = $1', [code]);
      return row ? { code: row.code, level: row.level, status: row.status, mergedInto: row.merged_into ?? null } : null;
    }, (issuer) => issuer?.status === 'ACTIVE');
  }

  /** The student's class at the school in that school year, or null when not enrolled there. */
  async enrolledClass(studentId: string, schoolYear: string, schoolCode: string): Promise<string | null> {
    return this.remembered(`enrolment|${studentId}|${schoolYear}|${schoolCode}`, async () => {
      const [row] = await preparedQuery<Array<{ class_name: string }>>(
        this.dataSource,
        'enrolled-class',
        'SELECT class_name FROM directory_enrolments WHERE student_id = $1 AND school_year = $2 AND school_code = $3',
        [studentId, schoolYear, schoolCode],
      );
      return (row?.class_name as string | undefined) ?? null;
    }, (className) => className !== null);
  }

  /** The students of one class of the school in that school year (none when the class does not exist). */
  async classRoster(schoolCode: string, schoolYear: string, className: string): Promise<string[]> {
    const rows = await preparedQuery<Array<{ student_id: string }>>(
      this.dataSource,
      'class-roster',
      'SELECT student_id FROM directory_enrolments WHERE school_code = $1 AND school_year = $2 AND class_name = $3',
      [schoolCode, schoolYear, className],
    );
    return rows.map((r) => r.student_id);
  }

  /**
   * One of the school's enrolments in its latest school year, for an example: the student asked for, else the n-th in
   * student order (round robin), with the students of that class in the same order; `picked` is null when the student
   * asked for is not there. Null when the school has no enrolments at all.
   */
  async exampleEnrolment(
    schoolCode: string,
    pick: { studentId?: string; n: number },
  ): Promise<{ schoolYear: string; picked: { enrolment: DirectoryEnrolment; classmates: DirectoryEnrolment[] } | null } | null> {
    const [latest] = await this.dataSource.query(
      'SELECT school_year, count(*)::int AS n FROM directory_enrolments WHERE school_code = $1 GROUP BY school_year ORDER BY school_year DESC LIMIT 1',
      [schoolCode],
    );
    if (!latest) return null;
    const [picked] = await this.dataSource.query(
      `SELECT ${ENROLMENT_COLUMNS} FROM directory_enrolments WHERE school_code = $1 AND school_year = $2 AND ($3::text IS NULL OR student_id = $3)
       ORDER BY student_id OFFSET $4 LIMIT 1`,
      [schoolCode, latest.school_year, pick.studentId ?? null, pick.studentId ? 0 : Math.abs(pick.n) % latest.n],
    );
    if (!picked) return { schoolYear: latest.school_year, picked: null };
    const classmates = await this.dataSource.query(
      `SELECT ${ENROLMENT_COLUMNS} FROM directory_enrolments WHERE school_code = $1 AND school_year = $2 AND class_name = $3 ORDER BY student_id`,
      [schoolCode, latest.school_year, picked.class_name],
    );
    return { schoolYear: latest.school_year, picked: { enrolment: toEnrolment(picked), classmates: classmates.map(toEnrolment) } };
  }
}

const ENROLMENT_COLUMNS = `student_id, school_year, school_code, class_name, grade, full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob,
  gender, personal_id`;

function toEnrolment(r: Record<string, string>): DirectoryEnrolment {
  return {
    studentId: r.student_id,
    schoolYear: r.school_year,
    schoolCode: r.school_code,
    className: r.class_name,
    grade: Number(r.grade),
    fullName: r.full_name,
    dateOfBirth: r.dob,
    gender: r.gender as 'NAM' | 'NU',
    personalId: r.personal_id || null,
  };
}
