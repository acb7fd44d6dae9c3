import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/**
 * Multi-party signing. A workflow per submitted document keeps what DocumentSigned will need (content reference and
 * inline bytes included); its signing tasks follow the document type's signers in order, one PENDING at a time. The
 * audit trail records every step. `assignments` is signing's copy of identity's teacher assignments (latest wins per
 * school, year, class and subject), from which homeroom and subject teachers are found.
 */
export class SigningWorkflows1765000000600 implements MigrationInterface {
  name = 'SigningWorkflows1765000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assignments (
        school_code text NOT NULL,
        school_year text NOT NULL,
        class_name text NOT NULL,
        subject text NOT NULL,
        person_id text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (school_code, school_year, class_name, subject)
      )`);
    await q.query(`CREATE INDEX signers_principals ON signers (org_code) WHERE role = 'PRINCIPAL' AND status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE workflows (
        document_id uuid PRIMARY KEY,
        document_type text NOT NULL,
        version int NOT NULL,
        issuer_code text NOT NULL,
        student_id text NOT NULL,
        school_year text NOT NULL,
        class_name text NOT NULL,
        supersedes_document_id uuid,
        content_bucket text NOT NULL,
        content_key text NOT NULL,
        content_version_id text NOT NULL,
        content_sha256 text NOT NULL,
        content_size bigint NOT NULL,
        content_inline bytea,
        state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'SIGNED', 'REJECTED', 'CANCELLED', 'FAILED')),
        failure_code text,
        correlation_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX workflows_supersedes ON workflows (supersedes_document_id) WHERE supersedes_document_id IS NOT NULL');
    await q.query(`
      CREATE TABLE signing_tasks (
        task_id uuid PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES workflows (document_id),
        step int NOT NULL CHECK (step >= 1),
        role text NOT NULL,
        assignee_person_id text,
        org_code text NOT NULL,
        state text NOT NULL CHECK (state IN ('WAITING', 'PENDING', 'SIGNED', 'REJECTED', 'CANCELLED')),
        due_at timestamptz,
        reminded_at timestamptz,
        done_at timestamptz,
        done_by text,
        reason text,
        UNIQUE (document_id, step)
      )`);
    // "My tasks": assigned to a person, or open to a role at an organisation; reminders: PENDING tasks by due date.
    await q.query('CREATE INDEX signing_tasks_assignee ON signing_tasks (assignee_person_id, state, task_id) WHERE assignee_person_id IS NOT NULL');
    await q.query('CREATE INDEX signing_tasks_role ON signing_tasks (org_code, state, task_id) WHERE assignee_person_id IS NULL');
    await q.query(`CREATE INDEX signing_tasks_due ON signing_tasks (due_at) WHERE state = 'PENDING'`);
    await q.query(`
      CREATE TABLE workflow_audit (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL,
        task_id uuid,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor text NOT NULL,
        action text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query('CREATE INDEX workflow_audit_document ON workflow_audit (document_id, id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE workflow_audit');
    await q.query('DROP TABLE signing_tasks');
    await q.query('DROP TABLE workflows');
    await q.query('DROP INDEX signers_principals');
    await q.query('DROP TABLE assignments');
  }
}
