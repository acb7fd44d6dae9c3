import { X509Certificate } from 'node:crypto';

export interface CertificateSummary {
  /** RFC 4514-style, most specific first, e.g. `CN=Trường THPT Trần Phú, O=Sở GD&ĐT Hải Phòng, C=VN`; `,` `+` `"` escaped. */
  subject: string;
  issuer: string;
  /** Lower-case hex without leading zeros beyond one byte, as OpenSSL prints it. */
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** Lower-case hex SHA-256 of the DER certificate. */
  fingerprintSha256: string;
}

export function parseCertificate(pem: string | Buffer): CertificateSummary {
  const cert = new X509Certificate(pem);
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    serialHex: cert.serialNumber.toLowerCase(),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
    fingerprintSha256: cert.fingerprint256.replaceAll(':', '').toLowerCase(),
  };
}

/**
 * Node prints names one attribute per line, root-most first, already escaped as RFC 2253 asks; we flip that into
 * the one-line, most-specific-first form people read in certificate viewers.
 */
export function distinguishedName(nodeName: string): string {
  return nodeName.split('\n').filter(Boolean).reverse().join(', ');
}
