import type { CertificateRecord } from './certificate.repository.js';

export type CertificateStatus = 'valid' | 'revoked' | 'expired';

export interface CertificateView {
  serial: string;
  profile: CertificateRecord['profile'];
  orgCode: string | null;
  subject: string;
  subjectPersonId: string | null;
  keyAlgorithm: string;
  status: CertificateStatus;
  notAfter: string;
  issuedAt: string;
  revokedAt: string | null;
  revocationReason: string | null;
  invalidityDate: string | null;
  replaces: string | null;
  replacedBy: string | null;
}

export interface CertificateDetail extends CertificateView {
  certificatePem: string;
  /** Issuing CA first, then the root. */
  chainPem: string[];
}

export function statusOf(c: Pick<CertificateRecord, 'status' | 'notAfter'>, at = new Date()): CertificateStatus {
  if (c.status === 'REVOKED') return 'revoked';
  return new Date(c.notAfter) <= at ? 'expired' : 'valid';
}

export function certificateView(c: CertificateRecord): CertificateView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    serial: c.serialHex,
    profile: c.profile,
    orgCode: c.orgCode,
    subject: c.subject,
    subjectPersonId: c.subjectPersonId,
    keyAlgorithm: c.keyAlgorithm,
    status: statusOf(c),
    notAfter: iso(c.notAfter)!,
    issuedAt: iso(c.issuedAt)!,
    revokedAt: iso(c.revokedAt),
    revocationReason: c.revocationReason,
    invalidityDate: iso(c.invalidityDate),
    replaces: c.replaces,
    replacedBy: c.replacedBy,
  };
}

export function certificateDetail(c: CertificateRecord, chainPem: string[]): CertificateDetail {
  return { ...certificateView(c), certificatePem: c.certificatePem, chainPem };
}
