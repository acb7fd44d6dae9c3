import { X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { extension } from './certificate-extensions.js';
import { crlReasonCodes, type CrlReason } from './crl-reasons.js';
import { encode } from './der.js';
import { subjectNameOf } from './distinguished-name.js';
import { keyIdentifier } from './key-algorithms.js';
import { Oid } from './oids.js';
import { serialInteger } from './serial-number.js';
import { generalizedTime, signatureAlgorithmFor, signTbs, x509Time } from './signed-structure.js';

export interface RevokedEntry {
  serialHex: string;
  revokedAt: Date;
  reason?: CrlReason;
  invalidityDate?: Date;
}

export interface CrlRequest {
  issuer: { certPem: string; privateKey: KeyObject };
  /** Monotonic per issuer (RFC 5280 §5.2.3). */
  crlNumber: bigint;
  thisUpdate: Date;
  nextUpdate: Date;
  entries: RevokedEntry[];
}

/**
 * A v2 CRL (RFC 5280 §5) in DER: authority key identifier and CRL number extensions, one entry per revoked
 * certificate with its reason code (omitted for `unspecified`, as §5.3.1 recommends) and invalidity date.
 */
export function buildCrl(req: CrlRequest): Buffer {
  const issuerCert = new X509Certificate(req.issuer.certPem);
  const algorithm = signatureAlgorithmFor(req.issuer.privateKey);
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    signature: algorithm,
    issuer: subjectNameOf(issuerCert.raw),
    thisUpdate: x509Time(req.thisUpdate),
    nextUpdate: x509Time(req.nextUpdate),
    crlExtensions: new pkijs.Extensions({
      extensions: [
        extension(Oid.authorityKeyIdentifier, false, new pkijs.AuthorityKeyIdentifier({ keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(issuerCert.publicKey) }) }).toSchema()),
        extension(Oid.crlNumber, false, serialInteger(req.crlNumber.toString(16))),
      ],
    }),
    signatureAlgorithm: algorithm,
  });
  if (req.entries.length) crl.revokedCertificates = req.entries.map(revokedCertificate);
  // encodeTBS is protected on CRLs; the TBS is the first element of the full encoding.
  crl.tbsView = new Uint8Array(encode(crl.toSchema(true).valueBlock.value[0]));
  crl.signatureValue = signTbs(crl.tbsView, req.issuer.privateKey);
  return encode(crl.toSchema());
}

function revokedCertificate(entry: RevokedEntry): pkijs.RevokedCertificate {
  const extensions = [
    ...(entry.reason && entry.reason !== 'unspecified'
      ? [extension(Oid.crlReason, false, new asn1js.Enumerated({ value: crlReasonCodes[entry.reason] }))]
      : []),
    ...(entry.invalidityDate ? [extension(Oid.invalidityDate, false, generalizedTime(entry.invalidityDate))] : []),
  ];
  return new pkijs.RevokedCertificate({
    userCertificate: serialInteger(entry.serialHex),
    revocationDate: x509Time(entry.revokedAt),
    ...(extensions.length ? { crlEntryExtensions: new pkijs.Extensions({ extensions }) } : {}),
  });
}
