import type { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid } from '../oids.js';
import { distinguishedName } from '../parse-certificate.js';
import type { SignerSummary } from './validation-report.js';

/** What chain and signer checks need from a certificate's extensions (RFC 5280 §4.2.1). */
export interface CertificateFacts {
  /** Bit positions set in keyUsage, or undefined when the extension is absent (no restriction). */
  keyUsage?: ReadonlySet<number>;
  pathLength?: number;
  extendedKeyUsage?: { purposes: string[]; critical: boolean };
  subjectSerialNumber?: string;
}

export const KeyUsageBit = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5, cRLSign: 6 } as const;

/** CA certificates and anchors recur in every request; parsing (asn1js) is the bulk of a validation's CPU time. */
const CACHE_SIZE = 512;
const cache = new Map<string, { certificate: pkijs.Certificate; facts: CertificateFacts }>();

function entry(cert: X509Certificate): { certificate: pkijs.Certificate; facts: CertificateFacts } {
  const key = cert.fingerprint256;
  let found = cache.get(key);
  if (found) {
    cache.delete(key); // re-inserted below: the Map's order is the recency order
  } else {
    const certificate = pkijs.Certificate.fromBER(cert.raw);
    found = { certificate, facts: readFacts(certificate) };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, found);
  return found;
}

/** pkijs's view of a certificate (names, serial, extensions). Shared: callers must not change it. */
export function parsed(cert: X509Certificate): pkijs.Certificate {
  return entry(cert).certificate;
}

export function certificateFacts(cert: X509Certificate): CertificateFacts {
  return entry(cert).facts;
}

function readFacts(parsed: pkijs.Certificate): CertificateFacts {
  const facts: CertificateFacts = {};
  for (const ext of parsed.extensions ?? []) {
    if (ext.extnID === Oid.keyUsage && ext.parsedValue instanceof asn1js.BitString) facts.keyUsage = setBits(ext.parsedValue);
    if (ext.extnID === Oid.basicConstraints && ext.parsedValue instanceof pkijs.BasicConstraints) {
      const length = ext.parsedValue.pathLenConstraint;
      if (length !== undefined) facts.pathLength = typeof length === 'number' ? length : length.valueBlock.valueDec;
    }
    if (ext.extnID === Oid.extKeyUsage && ext.parsedValue instanceof pkijs.ExtKeyUsage) {
      facts.extendedKeyUsage = { purposes: ext.parsedValue.keyPurposes, critical: ext.critical };
    }
  }
  const serial = parsed.subject.typesAndValues.find((attr) => attr.type === Oid.serialNumber)?.value?.valueBlock?.value;
  if (typeof serial === 'string') facts.subjectSerialNumber = serial;
  return facts;
}

function setBits(bits: asn1js.BitString): Set<number> {
  const bytes = bits.valueBlock.valueHexView;
  const set = new Set<number>();
  for (let i = 0; i < bytes.length * 8; i++) if (bytes[i >> 3] & (0x80 >> (i & 7))) set.add(i);
  return set;
}

export function allowsKeyUsage(cert: X509Certificate, ...anyOf: number[]): boolean {
  const usage = certificateFacts(cert).keyUsage;
  return !usage || anyOf.some((bit) => usage.has(bit));
}

export function signerSummary(cert: X509Certificate): SignerSummary {
  const serialNumber = certificateFacts(cert).subjectSerialNumber;
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    ...(serialNumber === undefined ? {} : { serialNumber }),
    certificateSha256: cert.fingerprint256.replaceAll(':', '').toLowerCase(),
    notBefore: new Date(cert.validFrom),
    notAfter: new Date(cert.validTo),
  };
}
