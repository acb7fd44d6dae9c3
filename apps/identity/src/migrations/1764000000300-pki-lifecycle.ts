import { keyAlgorithmOf, parseCertificate } from '@edu/crypto';
import type { MigrationInterface, QueryRunner } from '@edu/persistence';
import { X509Certificate } from 'node:crypto';

/**
 * The PKI at province scale: certificates of every profile (person, seal, tsa, ocsp) with their key algorithm, subject
 * person, issuer, revocation and renewal links; the latest signed CRL per issuer, so every instance serves the same
 * bytes; the OCSP responder's sealed keys; pre-signed OCSP responses; external trust anchors.
 */
export class PkiLifecycle1764000000300 implements MigrationInterface {
  name = 'PkiLifecycle1764000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE certificates RENAME COLUMN purpose TO profile');
    // A renewal of a seal certifies the same custody key again, and certificates from CSRs have no custody key.
    await q.query('ALTER TABLE certificates DROP CONSTRAINT IF EXISTS certificates_key_id_key, ALTER COLUMN key_id DROP NOT NULL');
    // The platform's own OCSP responder belongs to no organisation.
    await q.query('ALTER TABLE certificates ALTER COLUMN org_code DROP NOT NULL');
    await q.query(`
      ALTER TABLE certificates
        ADD COLUMN issuer text NOT NULL DEFAULT 'issuing',
        ADD COLUMN key_algorithm text,
        ADD COLUMN subject text,
        ADD COLUMN subject_person_id text,
        ADD COLUMN revoked_at timestamptz,
        ADD COLUMN revocation_reason text,
        ADD COLUMN invalidity_date timestamptz,
        ADD COLUMN replaces text REFERENCES certificates (serial_hex),
        ADD COLUMN replaced_by text REFERENCES certificates (serial_hex)`);
    const existing: Array<{ serial_hex: string; certificate_pem: string }> = await q.query('SELECT serial_hex, certificate_pem FROM certificates');
    const parsed = existing.map((row) => new X509Certificate(row.certificate_pem));
    await q.query(
      `UPDATE certificates c SET key_algorithm = t.algorithm, subject = t.subject
       FROM unnest($1::text[], $2::text[], $3::text[]) AS t(serial_hex, algorithm, subject) WHERE c.serial_hex = t.serial_hex`,
      [existing.map((row) => row.serial_hex), parsed.map((cert) => keyAlgorithmOf(cert.publicKey)), existing.map((row) => parseCertificate(row.certificate_pem).subject)],
    );
    await q.query(`
      ALTER TABLE certificates
        ALTER COLUMN key_algorithm SET NOT NULL,
        ALTER COLUMN subject SET NOT NULL,
        ADD CONSTRAINT certificates_profile_check CHECK (profile IN ('person', 'seal', 'tsa', 'ocsp')),
        ADD CONSTRAINT certificates_status_check CHECK (status IN ('VALID', 'REVOKED')),
        ADD CONSTRAINT certificates_revoked_check CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL AND revocation_reason IS NOT NULL))`);
    await q.query('CREATE INDEX certificates_key_id_idx ON certificates (key_id) WHERE key_id IS NOT NULL');
    await q.query('CREATE INDEX certificates_org_idx ON certificates (org_code, serial_hex)');
    await q.query('CREATE INDEX certificates_person_idx ON certificates (subject_person_id) WHERE subject_person_id IS NOT NULL');
    await q.query(`CREATE INDEX certificates_revoked_idx ON certificates (issuer, revoked_at) WHERE status = 'REVOKED'`);
    await q.query(`
      CREATE TABLE crls (
        issuer text PRIMARY KEY,
        crl_number bigint NOT NULL,
        der bytea NOT NULL,
        this_update timestamptz NOT NULL,
        next_update timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE ocsp_responder_keys (
        serial_hex text PRIMARY KEY REFERENCES certificates (serial_hex),
        key_envelope text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE ocsp_responses (
        cert_id bytea PRIMARY KEY,
        serial_hex text NOT NULL,
        der bytea NOT NULL,
        reuse_until timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX ocsp_responses_serial_idx ON ocsp_responses (serial_hex)');
    await q.query(`
      CREATE TABLE trust_anchors (
        id uuid PRIMARY KEY,
        subject text NOT NULL,
        fingerprint_sha256 text NOT NULL UNIQUE,
        certificate_pem text NOT NULL,
        not_after timestamptz NOT NULL,
        enabled boolean NOT NULL DEFAULT true,
        added_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['trust_anchors', 'ocsp_responses', 'ocsp_responder_keys', 'crls']) await q.query(`DROP TABLE ${t}`);
    for (const i of ['certificates_revoked_idx', 'certificates_person_idx', 'certificates_org_idx', 'certificates_key_id_idx']) await q.query(`DROP INDEX ${i}`);
    await q.query(`
      ALTER TABLE certificates
        DROP CONSTRAINT certificates_revoked_check, DROP CONSTRAINT certificates_status_check, DROP CONSTRAINT certificates_profile_check,
        DROP COLUMN replaced_by, DROP COLUMN replaces, DROP COLUMN invalidity_date, DROP COLUMN revocation_reason,
        DROP COLUMN revoked_at, DROP COLUMN subject_person_id, DROP COLUMN subject, DROP COLUMN key_algorithm, DROP COLUMN issuer`);
    await q.query('ALTER TABLE certificates RENAME COLUMN profile TO purpose');
  }
}
