import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/**
 * People and their sector IDs, enrolment history, staff and teaching assignments, and roster imports.
 *
 * `sector_ids` is the registry of issued IDs: a row is never updated or deleted (a trigger refuses it). Every student
 * and every member of staff must hold an ID issued for their kind, so one ID never serves both. That is checked once
 * per statement against the rows it wrote (a transition table): a province roster writes half a million students in
 * one statement, where a row-by-row foreign key would cost seconds. Since registry rows never go away, nothing needs
 * locking on that side.
 */
export class PeopleAndRosters1764000000100 implements MigrationInterface {
  name = 'PeopleAndRosters1764000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sector_ids (
        sector_id text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('STUDENT', 'STAFF')),
        issued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE FUNCTION sector_ids_are_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a sector ID is issued once and never changed, reused or removed' USING ERRCODE = 'integrity_constraint_violation';
      END $$`);
    await q.query(`CREATE TRIGGER sector_ids_permanent BEFORE UPDATE OR DELETE ON sector_ids FOR EACH ROW EXECUTE FUNCTION sector_ids_are_permanent()`);
    await q.query(`CREATE TRIGGER sector_ids_not_truncated BEFORE TRUNCATE ON sector_ids FOR EACH STATEMENT EXECUTE FUNCTION sector_ids_are_permanent()`);
    await q.query(`INSERT INTO sector_ids (sector_id, kind, issued_at) SELECT student_id, 'STUDENT', created_at FROM students`);
    await q.query(`
      ALTER TABLE students
        ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'LEFT', 'GRADUATED')),
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT students_gender CHECK (gender IN ('NAM', 'NU'))`);
    await this.requireIssuedIds(q, 'students', 'student_id', 'STUDENT');
    await q.query(`
      ALTER TABLE enrolments
        ADD COLUMN previous_school_code text,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`
      CREATE TABLE enrolment_history (
        id bigserial PRIMARY KEY,
        student_id text NOT NULL REFERENCES students (student_id),
        school_year text NOT NULL,
        school_code text NOT NULL,
        class_name text NOT NULL,
        grade int NOT NULL,
        previous_school_code text,
        superseded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX enrolment_history_student ON enrolment_history (student_id, school_year)`);

    await q.query(`
      CREATE TABLE persons (
        person_id text PRIMARY KEY,
        personal_id text NOT NULL UNIQUE,
        full_name text NOT NULL,
        date_of_birth date NOT NULL,
        gender text NOT NULL CHECK (gender IN ('NAM', 'NU')),
        role text NOT NULL CHECK (role IN ('TEACHER', 'PRINCIPAL', 'CLERK', 'OPERATOR')),
        org_code text NOT NULL REFERENCES organisations (code),
        status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'LEFT')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await this.requireIssuedIds(q, 'persons', 'person_id', 'STAFF');
    await q.query(`CREATE INDEX persons_org ON persons (org_code)`);
    await q.query(`
      CREATE TABLE assignments (
        person_id text NOT NULL REFERENCES persons (person_id),
        school_code text NOT NULL REFERENCES organisations (code),
        class_name text NOT NULL,
        subject text NOT NULL,
        school_year text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, school_code, class_name, subject, school_year)
      )`);
    await q.query(`CREATE INDEX assignments_class ON assignments (school_code, school_year, class_name)`);

    await q.query(`
      CREATE TABLE roster_imports (
        id uuid PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('students', 'teachers', 'assignments')),
        mode text NOT NULL CHECK (mode IN ('all-or-nothing', 'accept-valid')),
        status text NOT NULL CHECK (status IN ('RECEIVED', 'VALIDATING', 'APPLYING', 'DONE', 'REJECTED', 'FAILED')),
        client_id text NOT NULL,
        org_code text NOT NULL,
        correlation_id text NOT NULL,
        rows_read int NOT NULL,
        rows_valid int,
        rows_applied int NOT NULL DEFAULT 0,
        rows_unchanged int NOT NULL DEFAULT 0,
        problem_count int NOT NULL DEFAULT 0,
        failure text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX roster_imports_unfinished ON roster_imports (created_at) WHERE status IN ('RECEIVED', 'VALIDATING', 'APPLYING')`);
    await q.query(`
      CREATE TABLE roster_import_problems (
        id bigserial PRIMARY KEY,
        import_id uuid NOT NULL REFERENCES roster_imports (id) ON DELETE CASCADE,
        row_no int NOT NULL,
        field text,
        code text NOT NULL,
        message_vi text NOT NULL,
        message_en text NOT NULL
      )`);
    await q.query(`CREATE INDEX roster_import_problems_report ON roster_import_problems (import_id, row_no, id)`);
  }

  /** Refuses any statement that writes a row of `table` whose `column` is not issued in sector_ids as `kind`. */
  private async requireIssuedIds(q: QueryRunner, table: string, column: string, kind: string): Promise<void> {
    await q.query(`
      CREATE FUNCTION ${table}_hold_issued_ids() RETURNS trigger LANGUAGE plpgsql
      -- The plan is made once per session, maybe while the registry looks small; it must stay one index probe per
      -- written row (OFFSET 0 keeps the subquery from becoming a join), never a scan of the registry.
      SET enable_seqscan = off AS $$
      DECLARE missing text;
      BEGIN
        SELECT w.${column} INTO missing FROM written w
        WHERE NOT EXISTS (SELECT 1 FROM sector_ids i WHERE i.sector_id = w.${column} AND i.kind = '${kind}' OFFSET 0) LIMIT 1;
        IF missing IS NOT NULL THEN
          RAISE EXCEPTION 'sector ID % is not issued as a ${kind} ID', missing USING ERRCODE = 'foreign_key_violation';
        END IF;
        RETURN NULL;
      END $$`);
    for (const event of ['INSERT', 'UPDATE'])
      await q.query(`CREATE TRIGGER ${table}_issued_ids_${event.toLowerCase()} AFTER ${event} ON ${table} REFERENCING NEW TABLE AS written
                     FOR EACH STATEMENT EXECUTE FUNCTION ${table}_hold_issued_ids()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['roster_import_problems', 'roster_imports', 'assignments', 'persons', 'enrolment_history']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE enrolments DROP COLUMN previous_school_code, DROP COLUMN updated_at`);
    await q.query(`ALTER TABLE students DROP CONSTRAINT students_gender, DROP COLUMN status, DROP COLUMN updated_at`);
    for (const f of ['students_hold_issued_ids', 'persons_hold_issued_ids', 'sector_ids_are_permanent']) await q.query(`DROP FUNCTION IF EXISTS ${f}() CASCADE`);
    await q.query(`DROP TABLE sector_ids`);
  }
}
