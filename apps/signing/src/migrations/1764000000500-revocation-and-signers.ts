import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/**
 * Revocation reaches signing: a seal key whose certificate identity revoked becomes REVOKED and never signs again.
 * The signer directory keeps the people who may sign and their certificates, kept from identity's events.
 */
export class RevocationAndSigners1764000000500 implements MigrationInterface {
  name = 'RevocationAndSigners1764000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE seal_keys DROP CONSTRAINT seal_keys_status_check`);
    await q.query(`ALTER TABLE seal_keys ADD CONSTRAINT seal_keys_status_check CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED', 'REVOKED'))`);
    await q.query(`ALTER TABLE seal_keys ADD COLUMN revoked_at timestamptz, ADD COLUMN revocation_reason text`);
    await q.query(`CREATE INDEX seal_keys_serial ON seal_keys (serial_hex)`);
    await q.query(`
      CREATE TABLE signers (
        person_id text PRIMARY KEY,
        org_code text NOT NULL,
        full_name text NOT NULL,
        role text NOT NULL,
        status text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE signer_certificates (
        serial_hex text PRIMARY KEY,
        person_id text NOT NULL,
        org_code text NOT NULL,
        certificate_pem text NOT NULL,
        chain_pem text[] NOT NULL,
        not_after timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('VALID', 'REVOKED')),
        revoked_at timestamptz,
        revocation_reason text,
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX signer_certificates_person ON signer_certificates (person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE signer_certificates');
    await q.query('DROP TABLE signers');
    await q.query('DROP INDEX seal_keys_serial');
    await q.query('ALTER TABLE seal_keys DROP COLUMN revoked_at, DROP COLUMN revocation_reason');
    await q.query(`ALTER TABLE seal_keys DROP CONSTRAINT seal_keys_status_check`);
    await q.query(`ALTER TABLE seal_keys ADD CONSTRAINT seal_keys_status_check CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED'))`);
  }
}
