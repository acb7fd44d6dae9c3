import { preparedQuery, type EntityManager } from '@edu/persistence';

/** Identity's teacher assignment: a teacher teaches `subject` (or is homeroom teacher, CHU_NHIEM) to a class. */
export interface Assignment {
  schoolCode: string;
  schoolYear: string;
  className: string;
  subject: string;
  personId: string;
}

export type TeacherSlot = Omit<Assignment, 'personId'>;

export const slotKey = (s: TeacherSlot): string => `${s.schoolCode}|${s.schoolYear}|${s.className}|${s.subject}`;

/**
 * Who may sign which step: teachers from signing's copy of identity's assignments, principals from the signer
 * directory (role PRINCIPAL, ACTIVE, at the issuer). Every method runs on the caller's EntityManager.
 */
export class Assignees {
  /** Upserts with one statement; the latest assignment of a school, year, class and subject wins. */
  async upsert(em: EntityManager, rows: Assignment[]): Promise<void> {
    if (!rows.length) return;
    const column = <K extends keyof Assignment>(k: K) => rows.map((r) => r[k]);
    await em.query(
      `INSERT INTO assignments (school_code, school_year, class_name, subject, person_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
       ON CONFLICT (school_code, school_year, class_name, subject) DO UPDATE SET person_id = EXCLUDED.person_id, updated_at = now()`,
      [column('schoolCode'), column('schoolYear'), column('className'), column('subject'), column('personId')],
    );
  }

  /**
   * The assigned teacher of each slot, by `slotKey`. A teacher the signer directory knows as gone (LEFT, or now at
   * another school) is no one's signer; one it does not know yet still is, since identity's events of different
   * people race.
   */
  async teachers(em: EntityManager, slots: TeacherSlot[]): Promise<Map<string, string>> {
    if (!slots.length) return new Map();
    const rows = await preparedQuery<Array<TeacherSlot & { personId: string }>>(
      em,
      'signing.assigned-teachers',
      `SELECT a.school_code AS "schoolCode", a.school_year AS "schoolYear", a.class_name AS "className", a.subject, a.person_id AS "personId"
       FROM assignments a
       JOIN unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS k(school_code, school_year, class_name, subject)
         ON a.school_code = k.school_code AND a.school_year = k.school_year AND a.class_name = k.class_name AND a.subject = k.subject
       LEFT JOIN signers s ON s.person_id = a.person_id
       WHERE s.person_id IS NULL OR (s.status = 'ACTIVE' AND s.org_code = a.school_code)`,
      [slots.map((s) => s.schoolCode), slots.map((s) => s.schoolYear), slots.map((s) => s.className), slots.map((s) => s.subject)],
    );
    return new Map(rows.map((r) => [slotKey(r), r.personId]));
  }

  /** The organisations among `orgCodes` with at least one ACTIVE principal. */
  async withPrincipals(em: EntityManager, orgCodes: string[]): Promise<Set<string>> {
    if (!orgCodes.length) return new Set();
    const rows: Array<{ org_code: string }> = await em.query(
      `SELECT DISTINCT org_code FROM signers WHERE org_code = ANY($1::text[]) AND role = 'PRINCIPAL' AND status = 'ACTIVE'`,
      [orgCodes],
    );
    return new Set(rows.map((r) => r.org_code));
  }

  /** The organisation the person is an ACTIVE principal of, or null. */
  async principalOf(em: EntityManager, personId: string): Promise<string | null> {
    const rows = await preparedQuery<Array<{ org_code: string }>>(
      em,
      'signing.principal-of',
      `SELECT org_code FROM signers WHERE person_id = $1 AND role = 'PRINCIPAL' AND status = 'ACTIVE'`,
      [personId],
    );
    return rows[0]?.org_code ?? null;
  }
}
