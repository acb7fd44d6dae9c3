import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/**
 * Seal keys in custody. `key_envelope` is the sealed PKCS#8 (see @edu/crypto sealPrivateKey), never plaintext.
 * The partial unique indexes allow at most one ACTIVE and one PENDING key per organisation, which is what makes
 * rotation (a PENDING key waiting for its certificate while the ACTIVE one still signs) safe under redelivery.
 */
export class CreateSealKeys1763900000202 implements MigrationInterface {
  name = 'CreateSealKeys1763900000202';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seal_keys (
        key_id uuid PRIMARY KEY,
        org_code text NOT NULL REFERENCES organisations (code),
        status text NOT NULL CHECK (status IN ('PENDING', 'ACTIVE', 'RETIRED')),
        key_envelope text NOT NULL,
        public_key_pem text NOT NULL,
        certificate_pem text,
        chain_pem text[],
        serial_hex text,
        not_after timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        activated_at timestamptz,
        CHECK (status <> 'ACTIVE' OR certificate_pem IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX seal_keys_one_active_per_org ON seal_keys (org_code) WHERE status = 'ACTIVE'`);
    await q.query(`CREATE UNIQUE INDEX seal_keys_one_pending_per_org ON seal_keys (org_code) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE seal_keys');
  }
}
