import { createPublicKey, randomBytes, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { profileExtensions, type CertificatePointers } from './certificate-extensions.js';
import { certificateProfiles, type CertificateProfile, type ProfileRules } from './certificate-profiles.js';
import { encode } from './der.js';
import { nameFromSubject, subjectNameOf, type CertificateSubject } from './distinguished-name.js';
import { keyIdentifier } from './key-algorithms.js';
import { Oid } from './oids.js';
import { serialInteger } from './serial-number.js';
import { signatureAlgorithmFor, signTbs, x509Time } from './signed-structure.js';

export type CertificateIssuer = { certPem: string; privateKey: KeyObject } | { selfSigned: true; privateKey: KeyObject };

export interface CertificateRequest {
  profile: CertificateProfile;
  subject: CertificateSubject;
  /** RSA or EC; which sizes and curves are acceptable is the CA's policy, not this function's. */
  publicKey: KeyObject;
  issuer: CertificateIssuer;
  /** Defaults to 16 random bytes (RFC 5280 asks for at least 64 bits of entropy from public CAs). */
  serialHex?: string;
  notBefore?: Date;
  notAfter?: Date;
  pointers?: CertificatePointers;
}

// Backdating absorbs clock skew between the issuing service and the first verifier.
const BACKDATE_MS = 5 * 60 * 1000;

/**
 * Issues an X.509 v3 certificate. pkijs lays out the TBSCertificate; the signature is made by node:crypto so the
 * private key never enters JavaScript code.
 */
export function issueCertificate(req: CertificateRequest): string {
  const rules = certificateProfiles[req.profile];
  if (!rules) throw new Error(`issueCertificate: unknown profile ${String(req.profile)}`);
  const selfSigned = 'selfSigned' in req.issuer;
  if (selfSigned !== (req.profile === 'root-ca')) {
    throw new Error('issueCertificate: only the root-ca profile is self-signed, and it must be');
  }
  const issuerCert = 'certPem' in req.issuer ? new X509Certificate(req.issuer.certPem) : undefined;
  if (issuerCert) assertCanIssue(issuerCert, req.issuer.privateKey);
  const publicKey = req.publicKey.type === 'private' ? createPublicKey(req.publicKey) : req.publicKey;
  if (publicKey.asymmetricKeyType !== 'rsa' && publicKey.asymmetricKeyType !== 'ec') {
    throw new Error('issueCertificate: only RSA and EC subject keys are supported');
  }

  const notBefore = req.notBefore ?? new Date(Date.now() - BACKDATE_MS);
  const notAfter = req.notAfter ?? defaultNotAfter(notBefore, rules, issuerCert);
  if (notAfter <= notBefore) throw new Error('issueCertificate: notAfter must follow notBefore');
  const subject = nameFromSubject(req.subject);
  const subjectKeyId = keyIdentifier(publicKey);
  const algorithm = signatureAlgorithmFor(req.issuer.privateKey);

  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: serialInteger(req.serialHex ?? randomSerialHex()),
    signature: algorithm,
    // Chain building compares names byte for byte in some verifiers; copy the issuer's subject rather than re-encode it.
    issuer: issuerCert ? subjectNameOf(issuerCert.raw) : subject,
    notBefore: x509Time(notBefore),
    notAfter: x509Time(notAfter),
    subject,
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(publicKey.export({ type: 'spki', format: 'der' })),
    extensions: profileExtensions({
      rules,
      subjectKeyId,
      authorityKeyId: issuerCert ? issuerKeyIdentifier(issuerCert) : subjectKeyId,
      pointers: req.pointers,
    }),
    signatureAlgorithm: algorithm,
  });
  certificate.tbsView = new Uint8Array(encode(certificate.encodeTBS()));
  certificate.signatureValue = signTbs(certificate.tbsView, req.issuer.privateKey);
  return new X509Certificate(encode(certificate.toSchema())).toString();
}

function assertCanIssue(issuerCert: X509Certificate, issuerKey: KeyObject): void {
  if (!issuerCert.ca) throw new Error('issueCertificate: issuer certificate is not a CA');
  if (!issuerCert.checkPrivateKey(issuerKey)) throw new Error('issueCertificate: issuer private key does not match its certificate');
}

/** The issuer's own subject key identifier, so AKI and SKI match however the issuer computed it. */
function issuerKeyIdentifier(issuerCert: X509Certificate): Uint8Array {
  const ski = pkijs.Certificate.fromBER(issuerCert.raw).extensions?.find((ext) => ext.extnID === Oid.subjectKeyIdentifier);
  const value = ski?.parsedValue as asn1js.OctetString | undefined;
  return value ? value.valueBlock.valueHexView : keyIdentifier(issuerCert.publicKey);
}

function randomSerialHex(): string {
  const bytes = randomBytes(16);
  // Clear the sign bit and set the next one so the INTEGER is positive and exactly 16 bytes, with no padding byte.
  bytes[0] = (bytes[0] & 0x7f) | 0x40;
  return bytes.toString('hex');
}

function defaultNotAfter(notBefore: Date, rules: ProfileRules, issuerCert?: X509Certificate): Date {
  const notAfter = new Date(notBefore);
  if ('years' in rules.validity) notAfter.setUTCFullYear(notAfter.getUTCFullYear() + rules.validity.years);
  else notAfter.setTime(notAfter.getTime() + rules.validity.days * 86_400_000);
  // A certificate outliving its issuer would fail chain validation for the tail of its life, so stop with the issuer.
  const issuerEnd = issuerCert ? new Date(issuerCert.validTo) : undefined;
  return issuerEnd && issuerEnd < notAfter ? issuerEnd : notAfter;
}
