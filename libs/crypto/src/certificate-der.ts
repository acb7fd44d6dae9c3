import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import { decodeExact } from './der.js';

export interface CertificateParts {
  der: Buffer;
  /** The issuer Name exactly as encoded in the certificate. */
  issuerDer: Buffer;
  /** The serialNumber INTEGER element (tag, length and value). */
  serialDer: Buffer;
}

/** Splits a certificate into the raw pieces CMS identifiers reuse; copying bytes avoids re-encoding mismatches. */
export function certificateParts(pemOrDer: string | Buffer): CertificateParts {
  const der = typeof pemOrDer === 'string' ? new X509Certificate(pemOrDer).raw : pemOrDer;
  const certificate = decodeExact(der, 'certificate') as asn1js.Sequence;
  const tbs = certificate.valueBlock.value[0] as asn1js.Sequence;
  const fields = tbs.valueBlock.value;
  const offset = fields[0].idBlock.tagClass === 3 ? 1 : 0; // [0] EXPLICIT version present
  return {
    der,
    serialDer: Buffer.from(fields[offset].valueBeforeDecodeView),
    issuerDer: Buffer.from(fields[offset + 2].valueBeforeDecodeView),
  };
}
