import { createHash, timingSafeEqual, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateParts } from './certificate-der.js';
import { validateCertificatePath } from './certificate-path.js';
import { decodeExact } from './der.js';
import { Oid } from './oids.js';
import { distinguishedName } from './parse-certificate.js';

export interface DetachedCmsVerification {
  content: Buffer;
  cms: Buffer;
  trustedCaPems: string[];
  /** When the certificates must be valid; defaults to now, since a B-B signingTime is only the signer's claim. */
  at?: Date;
}

export interface CmsVerificationResult {
  valid: boolean;
  reason?: string;
  signerSubject?: string;
  signerCertPem?: string;
  signingTime?: Date;
}

const digestNames: Record<string, string> = {
  [Oid.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const rsaSignatureOids = new Set([Oid.rsaEncryption, Oid.sha256WithRsaEncryption, '1.2.840.113549.1.1.12', '1.2.840.113549.1.1.13']);

/** A reason the signature is not acceptable; anything else thrown while parsing means the input is malformed. */
class Rejected extends Error {}

/**
 * Verifies a detached CAdES B-B signature. Never throws: malformed input, a bad signature and an untrusted signer
 * all come back as `valid: false` with a reason fit for logs and audit records.
 */
export async function verifyDetachedCms(req: DetachedCmsVerification): Promise<CmsVerificationResult> {
  let signerCert: X509Certificate | undefined;
  let signingTime: Date | undefined;
  try {
    const { signedData, certificateDers } = parseSignedData(req.cms);
    if (signedData.encapContentInfo.eContent) throw new Rejected('CMS is not detached: it carries its own content');
    if (signedData.signerInfos.length !== 1) throw new Rejected(`expected one signer, found ${signedData.signerInfos.length}`);
    const signerInfo = signedData.signerInfos[0];
    const digestName = digestNames[signerInfo.digestAlgorithm.algorithmId];
    if (!digestName) throw new Rejected(`unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
    if (!signerInfo.signedAttrs) throw new Rejected('signed attributes are missing');
    const attributes = signerInfo.signedAttrs.attributes;

    const contentType = singleValue(attributes, Oid.contentType) as asn1js.ObjectIdentifier;
    if (contentType.valueBlock.toString() !== signedData.encapContentInfo.eContentType) throw new Rejected('contentType attribute does not match');
    const messageDigest = (singleValue(attributes, Oid.messageDigest) as asn1js.OctetString).valueBlock.valueHexView;
    if (!sameBytes(messageDigest, createHash(digestName).update(req.content).digest())) {
      throw new Rejected('content does not match the signed message digest');
    }
    const time = optionalValue(attributes, Oid.signingTime);
    signingTime = time ? (time as asn1js.UTCTime).toDate() : undefined;

    signerCert = findSignerCertificate(signerInfo, certificateDers);
    if (!rsaSignatureOids.has(signerInfo.signatureAlgorithm.algorithmId)) {
      throw new Rejected(`unsupported signature algorithm ${signerInfo.signatureAlgorithm.algorithmId}`);
    }
    // The signature covers the attributes as a universal SET, not the [0] IMPLICIT tag they travel under.
    const signedBytes = Buffer.from(signerInfo.signedAttrs.encodedValue);
    signedBytes[0] = 0x31;
    if (!verify(digestName, signedBytes, signerCert.publicKey, signerInfo.signature.valueBlock.valueHexView)) {
      throw new Rejected('signature does not verify with the signer certificate');
    }
    checkSigningCertificateV2(attributes, signerCert);

    const anchors = req.trustedCaPems.map((pem) => new X509Certificate(pem));
    const intermediates = certificateDers.map((der) => new X509Certificate(der)).filter((cert) => !cert.raw.equals(signerCert!.raw));
    const path = validateCertificatePath(signerCert, intermediates, anchors, req.at ?? new Date());
    if (!path.ok) throw new Rejected(path.reason);
    return { valid: true, ...describe(signerCert, signingTime) };
  } catch (err) {
    const reason = err instanceof Rejected ? err.message : `malformed CMS or certificate: ${(err as Error)?.message ?? String(err)}`;
    return { valid: false, reason, ...(signerCert ? describe(signerCert, signingTime) : {}) };
  }
}

function parseSignedData(cms: Buffer): { signedData: pkijs.SignedData; certificateDers: Buffer[] } {
  const contentInfo = new pkijs.ContentInfo({ schema: decodeExact(cms, 'CMS') });
  if (contentInfo.contentType !== Oid.signedData) throw new Rejected(`not SignedData: ${contentInfo.contentType}`);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  // Certificates are taken as raw bytes: the ESS hash is over the exact DER the signer had.
  const fields = (contentInfo.content as asn1js.Sequence).valueBlock.value;
  const bag = fields.find((field) => field.idBlock.tagClass === 3 && field.idBlock.tagNumber === 0) as asn1js.Constructed | undefined;
  const certificateDers = (bag?.valueBlock.value ?? [])
    .filter((item) => item.idBlock.tagClass === 1 && item.idBlock.tagNumber === 16)
    .map((item) => Buffer.from(item.valueBeforeDecodeView));
  return { signedData, certificateDers };
}

function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificateDers: Buffer[]): X509Certificate {
  const sid = signerInfo.sid;
  for (const der of certificateDers) {
    if (sid instanceof pkijs.IssuerAndSerialNumber) {
      const parsed = pkijs.Certificate.fromBER(der);
      if (sameBytes(sid.serialNumber.valueBlock.valueHexView, parsed.serialNumber.valueBlock.valueHexView) && parsed.issuer.isEqual(sid.issuer)) {
        return new X509Certificate(der);
      }
    } else {
      const cert = new X509Certificate(der);
      const keyId = (sid as asn1js.Constructed).valueBlock.value[0] as asn1js.OctetString | undefined;
      const ski = pkijs.Certificate.fromBER(der).extensions?.find((ext) => ext.extnID === '2.5.29.14');
      const skiValue = (ski?.parsedValue as asn1js.OctetString | undefined)?.valueBlock.valueHexView;
      if (keyId && skiValue && sameBytes(keyId.valueBlock.valueHexView, skiValue)) return cert;
    }
  }
  throw new Rejected('signer certificate is not included in the CMS');
}

/** ESS signing-certificate-v2 binds the signature to one certificate, so a re-issued key cannot be swapped in. */
function checkSigningCertificateV2(attributes: pkijs.Attribute[], signerCert: X509Certificate): void {
  const value = optionalValue(attributes, Oid.signingCertificateV2) as asn1js.Sequence | undefined;
  if (!value) throw new Rejected('signing-certificate-v2 attribute is missing');
  const firstCertId = (value.valueBlock.value[0] as asn1js.Sequence).valueBlock.value[0] as asn1js.Sequence;
  const fields = firstCertId.valueBlock.value;
  const hasAlgorithm = fields[0] instanceof asn1js.Sequence;
  const hashOid = hasAlgorithm ? new pkijs.AlgorithmIdentifier({ schema: fields[0] }).algorithmId : Oid.sha256;
  const hashName = digestNames[hashOid];
  if (!hashName) throw new Rejected(`unsupported signing-certificate-v2 hash ${hashOid}`);
  const certHash = (fields[hasAlgorithm ? 1 : 0] as asn1js.OctetString).valueBlock.valueHexView;
  if (!sameBytes(certHash, createHash(hashName).update(signerCert.raw).digest())) {
    throw new Rejected('signing-certificate-v2 hash does not match the signer certificate');
  }
  const issuerSerial = fields[hasAlgorithm ? 2 : 1] as asn1js.Sequence | undefined;
  const serial = issuerSerial?.valueBlock.value[1];
  if (serial && !Buffer.from(serial.valueBeforeDecodeView).equals(certificateParts(signerCert.raw).serialDer)) {
    throw new Rejected('signing-certificate-v2 serial does not match the signer certificate');
  }
}

function optionalValue(attributes: pkijs.Attribute[], oid: string): asn1js.AsnType | undefined {
  const matches = attributes.filter((attr) => attr.type === oid);
  if (matches.length > 1 || (matches[0] && matches[0].values.length !== 1)) throw new Rejected(`attribute ${oid} must have one value`);
  return matches[0]?.values[0];
}

function singleValue(attributes: pkijs.Attribute[], oid: string): asn1js.AsnType {
  const value = optionalValue(attributes, oid);
  if (!value) throw new Rejected(`attribute ${oid} is missing`);
  return value;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}

function describe(cert: X509Certificate, signingTime: Date | undefined): Partial<CmsVerificationResult> {
  return { signerSubject: distinguishedName(cert.subject), signerCertPem: cert.toString(), ...(signingTime ? { signingTime } : {}) };
}
