import type { EntityManager } from '@edu/persistence';

export interface Signer {
  personId: string;
  orgCode: string;
  fullName: string;
  role: string;
  status: string;
}

export interface SignerCertificate {
  serialHex: string;
  personId: string;
  orgCode: string;
  certificatePem: string;
  chainPem: string[];
  notAfter: Date;
}

/**
 * The people who may sign (teachers, principals, clerks) and their certificates, kept from identity's events. Only a
 * VALID, unexpired certificate of an ACTIVE signer may be used for a new signature; a revocation applies from the
 * commit of the event that carries it.
 */
export class SignerDirectory {
  async upsertSigner(em: EntityManager, s: Signer): Promise<void> {
    await em.query(
      `INSERT INTO signers (person_id, org_code, full_name, role, status) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (person_id) DO UPDATE SET org_code = EXCLUDED.org_code, full_name = EXCLUDED.full_name,
         role = EXCLUDED.role, status = EXCLUDED.status, updated_at = now()`,
      [s.personId, s.orgCode, s.fullName, s.role, s.status],
    );
  }

  /** Idempotent: a redelivered certificate changes nothing, and never revives a revoked one. */
  async recordCertificate(em: EntityManager, c: SignerCertificate): Promise<void> {
    await em.query(
      `INSERT INTO signer_certificates (serial_hex, person_id, org_code, certificate_pem, chain_pem, not_after, status)
       VALUES (lower($1), $2, $3, $4, $5, $6, 'VALID') ON CONFLICT (serial_hex) DO NOTHING`,
      [c.serialHex, c.personId, c.orgCode, c.certificatePem, c.chainPem, c.notAfter],
    );
  }

  /** Records the revocation even when the certificate's own event has not arrived yet (events of two keys race). */
  async revokeCertificate(em: EntityManager, r: { serialHex: string; personId: string; orgCode: string; revokedAt: Date; reason: string }): Promise<void> {
    await em.query(
      `INSERT INTO signer_certificates (serial_hex, person_id, org_code, certificate_pem, chain_pem, not_after, status, revoked_at, revocation_reason)
       VALUES (lower($1), $2, $3, '', '{}', $4, 'REVOKED', $4, $5)
       ON CONFLICT (serial_hex) DO UPDATE SET status = 'REVOKED',
         revoked_at = COALESCE(signer_certificates.revoked_at, EXCLUDED.revoked_at),
         revocation_reason = COALESCE(signer_certificates.revocation_reason, EXCLUDED.revocation_reason)`,
      [r.serialHex, r.personId, r.orgCode, r.revokedAt, r.reason],
    );
  }

  /** The certificates a person may sign with now, newest first. */
  async usableCertificates(em: EntityManager, personId: string): Promise<SignerCertificate[]> {
    const rows: Array<Record<string, unknown>> = await em.query(
      `SELECT c.serial_hex, c.person_id, c.org_code, c.certificate_pem, c.chain_pem, c.not_after
       FROM signer_certificates c JOIN signers s ON s.person_id = c.person_id AND s.status = 'ACTIVE'
       WHERE c.person_id = $1 AND c.status = 'VALID' AND c.not_after > now()
       ORDER BY c.not_after DESC`,
      [personId],
    );
    return rows.map((r) => ({
      serialHex: r.serial_hex as string,
      personId: r.person_id as string,
      orgCode: r.org_code as string,
      certificatePem: r.certificate_pem as string,
      chainPem: r.chain_pem as string[],
      notAfter: new Date(r.not_after as string),
    }));
  }
}
