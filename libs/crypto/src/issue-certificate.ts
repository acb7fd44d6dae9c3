import { randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { certificateProfiles, type CertificateProfile } from './certificate-profiles.js';
import { Oid } from './oids.js';
import { exportPublicKeyPem } from './rsa-keys.js';

export interface CertificateSubject {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** ISO 3166 alpha-2; defaults to VN. */
  country?: string;
  locality?: string;
  serialNumber?: string;
}

export type CertificateIssuer = { certPem: string; privateKey: KeyObject } | { selfSigned: true; privateKey: KeyObject };

export interface CertificateRequest {
  profile: CertificateProfile;
  subject: CertificateSubject;
  publicKey: KeyObject;
  issuer: CertificateIssuer;
  /** Defaults to 16 random bytes (RFC 5280 asks for at least 64 bits of entropy from public CAs). */
  serialHex?: string;
  notBefore?: Date;
  notAfter?: Date;
}

const { asn1 } = forge;
// Present in node-forge since 0.7 but missing from @types/node-forge.
type ForgeTbs = { getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1 };
// Backdating absorbs clock skew between the issuing service and the first verifier.
const BACKDATE_MS = 5 * 60 * 1000;
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

/**
 * Issues an X.509 v3 certificate. node-forge only lays out the TBSCertificate; the signature is made by
 * node:crypto so the private key never enters JavaScript RSA code.
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

  if (req.publicKey.asymmetricKeyType !== 'rsa') throw new Error('issueCertificate: only RSA subject keys are supported');

  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(exportPublicKeyPem(req.publicKey));
  cert.serialNumber = normaliseSerialHex(req.serialHex ?? randomSerialHex());
  const notBefore = req.notBefore ?? new Date(Date.now() - BACKDATE_MS);
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = req.notAfter ?? defaultNotAfter(notBefore, rules.validityYears, issuerCert);
  if (cert.validity.notAfter <= cert.validity.notBefore) throw new Error('issueCertificate: notAfter must follow notBefore');
  const subject = subjectAttributes(req.subject);
  cert.setSubject(subject);
  cert.setIssuer(subject); // replaced below by the issuer's exact Name bytes when not self-signed

  const authorityKeyId = issuerCert ? issuerKeyIdentifier(req.issuer as { certPem: string }) : cert.generateSubjectKeyIdentifier().getBytes();
  cert.setExtensions([
    // forge tests `'pathLenConstraint' in ext`, so the key must be absent rather than undefined.
    { name: 'basicConstraints', critical: rules.isCa, cA: rules.isCa, ...(rules.pathLength === undefined ? {} : { pathLenConstraint: rules.pathLength }) },
    { name: 'keyUsage', critical: true, ...rules.keyUsage },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: authorityKeyId },
  ]);
  cert.siginfo.algorithmOid = Oid.sha256WithRsaEncryption;

  const tbs = (forge.pki as unknown as ForgeTbs).getTBSCertificate(cert);
  if (issuerCert) {
    // Chain building compares names byte for byte in some verifiers; copy the issuer's subject rather than re-encode it.
    (tbs.value as forge.asn1.Asn1[])[3] = subjectNameAsn1(issuerCert.raw);
  }
  const tbsDer = Buffer.from(asn1.toDer(tbs).getBytes(), 'binary');
  const signature = sign('sha256', tbsDer, req.issuer.privateKey);

  const certificate = asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
    tbs,
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(Oid.sha256WithRsaEncryption).getBytes()),
      asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
    ]),
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.BITSTRING, false, '\x00' + signature.toString('binary')),
  ]);
  return new X509Certificate(Buffer.from(asn1.toDer(certificate).getBytes(), 'binary')).toString();
}

function assertCanIssue(issuerCert: X509Certificate, issuerKey: KeyObject): void {
  if (!issuerCert.ca) throw new Error('issueCertificate: issuer certificate is not a CA');
  if (!issuerCert.checkPrivateKey(issuerKey)) throw new Error('issueCertificate: issuer private key does not match its certificate');
}

function subjectAttributes(s: CertificateSubject): forge.pki.CertificateField[] {
  const country = s.country ?? 'VN';
  if (!/^[A-Z]{2}$/.test(country)) throw new Error(`issueCertificate: country must be two capital letters, got ${country}`);
  if (!s.commonName.trim()) throw new Error('issueCertificate: commonName is required');
  if (s.serialNumber !== undefined && !PRINTABLE.test(s.serialNumber)) {
    throw new Error('issueCertificate: subject serialNumber must be a PrintableString');
  }
  // UTF8String keeps Vietnamese diacritics; country and serialNumber are PrintableString by RFC 5280.
  const utf8 = (type: string, value: string | undefined) =>
    value === undefined ? [] : [{ type, value, valueTagClass: asn1.Type.UTF8 as number }];
  return [
    { type: '2.5.4.6', value: country, valueTagClass: asn1.Type.PRINTABLESTRING },
    ...utf8('2.5.4.7', s.locality),
    ...utf8('2.5.4.10', s.organization),
    ...utf8('2.5.4.11', s.organizationalUnit),
    ...utf8('2.5.4.3', s.commonName),
    ...(s.serialNumber === undefined ? [] : [{ type: '2.5.4.5', value: s.serialNumber, valueTagClass: asn1.Type.PRINTABLESTRING }]),
  ] as forge.pki.CertificateField[];
}

function issuerKeyIdentifier(issuer: { certPem: string }): string {
  const cert = forge.pki.certificateFromPem(issuer.certPem);
  const ski = cert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | undefined;
  if (ski?.subjectKeyIdentifier) return forge.util.hexToBytes(ski.subjectKeyIdentifier);
  return cert.generateSubjectKeyIdentifier().getBytes();
}

/** The subject Name node of a DER certificate, untouched. */
function subjectNameAsn1(certDer: Buffer): forge.asn1.Asn1 {
  const certificate = asn1.fromDer(certDer.toString('binary'));
  const tbs = (certificate.value as forge.asn1.Asn1[])[0].value as forge.asn1.Asn1[];
  const hasVersion = tbs[0].tagClass === asn1.Class.CONTEXT_SPECIFIC;
  return tbs[hasVersion ? 5 : 4];
}

function randomSerialHex(): string {
  const bytes = randomBytes(16);
  // Clear the sign bit and set the next one so the INTEGER is positive and exactly 16 bytes, with no padding byte.
  bytes[0] = (bytes[0] & 0x7f) | 0x40;
  return bytes.toString('hex');
}

/** DER INTEGER content for a positive serial: minimal, with a 00 pad when the top bit is set. */
function normaliseSerialHex(hex: string): string {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error('issueCertificate: serialHex must be hexadecimal');
  let digits = hex.toLowerCase().replace(/^0+/, '');
  if (digits === '') throw new Error('issueCertificate: serial must be positive');
  if (digits.length % 2) digits = '0' + digits;
  if (parseInt(digits.slice(0, 2), 16) >= 0x80) digits = '00' + digits;
  if (digits.length > 40) throw new Error('issueCertificate: serial must fit in 20 bytes');
  return digits;
}

function defaultNotAfter(notBefore: Date, years: number, issuerCert?: X509Certificate): Date {
  const notAfter = new Date(notBefore);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + years);
  // A certificate outliving its issuer would fail chain validation for the tail of its life, so stop with the issuer.
  const issuerEnd = issuerCert ? new Date(issuerCert.validTo) : undefined;
  return issuerEnd && issuerEnd < notAfter ? issuerEnd : notAfter;
}
