import { X509Certificate } from 'node:crypto';
import { DerReader } from './der-elements.js';
import { Tag } from './der.js';

export interface CertificateParts {
  der: Buffer;
  /** The issuer Name exactly as encoded in the certificate. */
  issuerDer: Buffer;
  /** The serialNumber INTEGER element (tag, length and value). */
  serialDer: Buffer;
  /** The serialNumber's value bytes alone, as an OCSP CertID compares them. */
  serialValue: Buffer;
}

/**
 * Splits a certificate into the raw pieces CMS identifiers reuse; copying bytes avoids re-encoding mismatches. Only
 * the headers down to the issuer are read: an asn1js decode of the whole certificate cost more than the rest of
 * building a signer.
 */
export function certificateParts(pemOrDer: string | Buffer): CertificateParts {
  const der = typeof pemOrDer === 'string' ? new X509Certificate(pemOrDer).raw : pemOrDer;
  const reader = new DerReader(der, 'certificate');
  const [tbs] = reader.children(reader.root(Tag.sequence, 'the certificate'));
  if (tbs?.tag !== Tag.sequence) throw new Error('certificate: no TBSCertificate');
  const fields = reader.children(tbs);
  const offset = fields[0]?.tag === Tag.contextConstructed0 ? 1 : 0; // [0] EXPLICIT version present
  const [serial, , issuer] = fields.slice(offset);
  if (serial?.tag !== Tag.integer || issuer?.tag !== Tag.sequence) throw new Error('certificate: malformed TBSCertificate');
  const serialDer = Buffer.from(reader.raw(serial));
  return { der, serialDer, serialValue: serialDer.subarray(serial.header), issuerDer: Buffer.from(reader.raw(issuer)) };
}
