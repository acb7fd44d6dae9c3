import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/**
 * Keys in custody for people and for the time-stamping unit, the signing PINs that guard people's keys, and the
 * audit of every key use. Envelopes are sealed PKCS#8 (never plaintext); PINs are argon2id hashes (never clear).
 * Time-stamp serial numbers come from a sequence in blocks, so no serial is ever handed out twice, even across
 * replicas and crashes.
 */
export class Custody1765000000700 implements MigrationInterface {
  name = 'Custody1765000000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person_keys (
        key_id uuid PRIMARY KEY,
        person_id text NOT NULL,
        org_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED', 'REVOKED')),
        key_handle text NOT NULL,
        public_key_pem text NOT NULL,
        certificate_pem text,
        chain_pem text[],
        serial_hex text,
        not_after timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        CHECK (status <> 'ACTIVE' OR certificate_pem IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX person_keys_one_active ON person_keys (person_id) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE UNIQUE INDEX person_keys_one_pending ON person_keys (person_id) WHERE status = 'PENDING'`);
    await q.query(`
      CREATE TABLE signing_pins (
        person_id text PRIMARY KEY,
        pin_hash text NOT NULL,
        failed_attempts int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE key_use_audit (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        person_id text,
        key_id uuid,
        actor text NOT NULL,
        action text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX key_use_audit_person ON key_use_audit (person_id, at)`);
    await q.query(`
      CREATE TABLE tsa_keys (
        key_id uuid PRIMARY KEY,
        org_code text NOT NULL,
        status text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED')),
        key_handle text NOT NULL,
        public_key_pem text NOT NULL,
        certificate_pem text,
        chain_pem text[],
        not_after timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        CHECK (status <> 'ACTIVE' OR certificate_pem IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX tsa_keys_one_active ON tsa_keys ((true)) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE UNIQUE INDEX tsa_keys_one_pending ON tsa_keys ((true)) WHERE status = 'PENDING'`);
    await q.query(`CREATE SEQUENCE tsa_serial_blocks`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP SEQUENCE tsa_serial_blocks');
    await q.query('DROP TABLE tsa_keys');
    await q.query('DROP TABLE key_use_audit');
    await q.query('DROP TABLE signing_pins');
    await q.query('DROP TABLE person_keys');
  }
}
