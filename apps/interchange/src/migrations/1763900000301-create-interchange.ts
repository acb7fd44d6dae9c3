import type { MigrationInterface, QueryRunner } from '@edu/persistence';

export class CreateInterchange1763900000301 implements MigrationInterface {
  name = 'CreateInterchange1763900000301';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE documents (
        id uuid PRIMARY KEY,
        document_type text NOT NULL,
        issuer_code text NOT NULL,
        student_id text NOT NULL,
        school_year text NOT NULL,
        version int NOT NULL,
        supersedes_id uuid REFERENCES documents (id),
        status text NOT NULL,
        idempotency_key text NOT NULL,
        request_sha256 text NOT NULL,
        client_id text NOT NULL,
        content_bucket text NOT NULL,
        content_key text NOT NULL,
        content_version_id text,
        content_sha256 text NOT NULL,
        content_size int NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        signed_at timestamptz,
        archived_at timestamptz,
        archive_bucket text,
        archive_key text,
        archive_version_id text,
        archive_sha256 text,
        archive_size bigint,
        retention_mode text,
        retain_until timestamptz,
        UNIQUE (issuer_code, idempotency_key),
        UNIQUE (document_type, student_id, school_year, version)
      )`);
    await q.query('CREATE INDEX documents_issuer_idx ON documents (issuer_code, submitted_at)');
    await q.query(`
      CREATE TABLE document_signatures (
        document_id uuid NOT NULL REFERENCES documents (id),
        idx int NOT NULL,
        role text NOT NULL,
        signer_subject text NOT NULL,
        signer_certificate_sha256 text NOT NULL,
        cms bytea NOT NULL,
        signed_at timestamptz NOT NULL,
        PRIMARY KEY (document_id, idx)
      )`);
    await q.query(`
      CREATE TABLE feed (
        seq bigserial PRIMARY KEY,
        document_id uuid NOT NULL UNIQUE REFERENCES documents (id),
        added_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE directory_organisations (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL,
        parent_code text,
        status text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE directory_enrolments (
        student_id text NOT NULL,
        school_year text NOT NULL,
        school_code text NOT NULL,
        class_name text NOT NULL,
        grade int NOT NULL,
        full_name text NOT NULL,
        date_of_birth date NOT NULL,
        gender text NOT NULL,
        personal_id text,
        PRIMARY KEY (student_id, school_year)
      )`);
    await q.query('CREATE INDEX directory_enrolments_school_idx ON directory_enrolments (school_code, school_year, student_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['directory_enrolments', 'directory_organisations', 'feed', 'document_signatures', 'documents'])
      await q.query(`DROP TABLE ${t}`);
  }
}
