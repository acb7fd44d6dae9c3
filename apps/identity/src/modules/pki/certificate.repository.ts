import type { CrlReason, RevokedEntry } from '@edu/crypto';
import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import type { CaName, EndEntityProfile } from './certificate-authority.js';

export interface CertificateRecord {
  serialHex: string;
  orgCode: string | null;
  keyId: string | null;
  profile: EndEntityProfile;
  issuer: CaName;
  keyAlgorithm: string;
  subject: string;
  subjectPersonId: string | null;
  certificatePem: string;
  notAfter: Date;
  issuedAt: Date;
  status: 'VALID' | 'REVOKED';
  revokedAt: Date | null;
  revocationReason: CrlReason | null;
  invalidityDate: Date | null;
  replaces: string | null;
  replacedBy: string | null;
}

export type NewCertificate = Pick<CertificateRecord, 'serialHex' | 'orgCode' | 'keyId' | 'profile' | 'keyAlgorithm' | 'subject' | 'subjectPersonId' | 'certificatePem' | 'notAfter' | 'replaces'>;

export interface CertificateFilter {
  org?: string;
  status?: 'valid' | 'revoked' | 'expired';
  after?: string;
  limit: number;
}

const COLUMNS = `serial_hex AS "serialHex", org_code AS "orgCode", key_id AS "keyId", profile, issuer, key_algorithm AS "keyAlgorithm",
  subject, subject_person_id AS "subjectPersonId", certificate_pem AS "certificatePem", not_after AS "notAfter", issued_at AS "issuedAt",
  status, revoked_at AS "revokedAt", revocation_reason AS "revocationReason", invalidity_date AS "invalidityDate", replaces, replaced_by AS "replacedBy"`;

const STATUS_CONDITION = {
  valid: `status = 'VALID' AND not_after > now()`,
  revoked: `status = 'REVOKED'`,
  expired: `status = 'VALID' AND not_after <= now()`,
};

/** Issued certificates in identity's schema; every statement runs in the caller's transaction. */
@Injectable()
export class CertificateRepository {
  async insert(em: EntityManager, c: NewCertificate): Promise<void> {
    await em.query(
      `INSERT INTO certificates (serial_hex, org_code, key_id, profile, key_algorithm, subject, subject_person_id, certificate_pem, not_after, replaces)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [c.serialHex, c.orgCode, c.keyId, c.profile, c.keyAlgorithm, c.subject, c.subjectPersonId, c.certificatePem, c.notAfter, c.replaces],
    );
  }

  async find(em: EntityManager, serialHex: string, forUpdate = false): Promise<CertificateRecord | undefined> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM certificates WHERE serial_hex = $1 ${forUpdate ? 'FOR UPDATE' : ''}`, [serialHex]);
    return row;
  }

  /** Ordered by serial; `after` is the last serial of the previous page. */
  async list(em: EntityManager, filter: CertificateFilter): Promise<CertificateRecord[]> {
    const conditions = [
      ...(filter.org ? ['org_code = $2'] : []),
      ...(filter.status ? [STATUS_CONDITION[filter.status]] : []),
      ...(filter.after ? [`serial_hex > $${filter.org ? 3 : 2}`] : []),
    ];
    const params: unknown[] = [filter.limit, ...(filter.org ? [filter.org] : []), ...(filter.after ? [filter.after] : [])];
    return em.query(
      `SELECT ${COLUMNS} FROM certificates ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY serial_hex LIMIT $1`,
      params,
    );
  }

  async markRevoked(em: EntityManager, serialHex: string, reason: CrlReason, invalidityDate: Date | null): Promise<Date> {
    const [[row]] = await em.query(
      `UPDATE certificates SET status = 'REVOKED', revoked_at = now(), revocation_reason = $2, invalidity_date = $3
       WHERE serial_hex = $1 RETURNING revoked_at`,
      [serialHex, reason, invalidityDate],
    );
    return row.revoked_at;
  }

  async markReplaced(em: EntityManager, serialHex: string, successor: string): Promise<void> {
    await em.query('UPDATE certificates SET replaced_by = $2 WHERE serial_hex = $1', [serialHex, successor]);
  }

  /**
   * What a CRL lists: revoked certificates of `issuer` that have not yet expired (RFC 5280 §3.3 lets an entry go once
   * the certificate's validity has ended).
   */
  async revokedEntries(em: EntityManager, issuer: CaName): Promise<RevokedEntry[]> {
    const rows: Array<{ serial_hex: string; revoked_at: Date; revocation_reason: CrlReason; invalidity_date: Date | null }> = await em.query(
      `SELECT serial_hex, revoked_at, revocation_reason, invalidity_date FROM certificates
       WHERE issuer = $1 AND status = 'REVOKED' AND not_after > now() ORDER BY revoked_at, serial_hex`,
      [issuer],
    );
    return rows.map((r) => ({ serialHex: r.serial_hex, revokedAt: r.revoked_at, reason: r.revocation_reason, ...(r.invalidity_date ? { invalidityDate: r.invalidity_date } : {}) }));
  }
}
