import type { MigrationInterface, QueryRunner } from '@edu/persistence';

export class CreateIdentity1763900000201 implements MigrationInterface {
  name = 'CreateIdentity1763900000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL,
        parent_code text REFERENCES organisations (code),
        address text,
        status text NOT NULL DEFAULT 'ACTIVE',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE students (
        student_id text PRIMARY KEY,
        personal_id text UNIQUE,
        full_name text NOT NULL,
        date_of_birth date NOT NULL,
        gender text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE enrolments (
        student_id text NOT NULL REFERENCES students (student_id),
        school_year text NOT NULL,
        school_code text NOT NULL REFERENCES organisations (code),
        class_name text NOT NULL,
        grade int NOT NULL,
        PRIMARY KEY (student_id, school_year)
      )`);
    await q.query(`
      CREATE TABLE api_clients (
        client_id text PRIMARY KEY,
        secret_hash text NOT NULL,
        org_code text NOT NULL REFERENCES organisations (code),
        role text NOT NULL,
        scopes text[] NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ca_keys (
        name text PRIMARY KEY,
        certificate_pem text NOT NULL,
        key_envelope text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE certificates (
        serial_hex text PRIMARY KEY,
        org_code text NOT NULL REFERENCES organisations (code),
        key_id text NOT NULL UNIQUE,
        purpose text NOT NULL,
        certificate_pem text NOT NULL,
        not_after timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'VALID',
        issued_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE token_keys (
        kid text PRIMARY KEY,
        public_jwk jsonb NOT NULL,
        key_envelope text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['token_keys', 'certificates', 'ca_keys', 'api_clients', 'enrolments', 'students', 'organisations'])
      await q.query(`DROP TABLE ${t}`);
  }
}
