import { timingSafeEqual, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid } from '../oids.js';
import { parsed } from './certificate-facts.js';
import { FormatProblem, octets } from './cms-structure.js';
import { checkSignature, digest, digestName } from './signature-algorithms.js';
import type { LocalizedText, SubIndication } from './validation-report.js';

/** A check's result; a passed one may say more than the default text. */
export type Outcome = { ok: true; detail?: LocalizedText } | { ok: false; subIndication: SubIndication; text: LocalizedText };

/** The one value of an attribute that may appear at most once; a repeated or multi-valued one is malformed. */
export function attributeValue(attributes: pkijs.Attribute[] | undefined, oid: string): asn1js.AsnType | undefined {
  const matches = (attributes ?? []).filter((attr) => attr.type === oid);
  if (matches.length > 1 || (matches[0] && matches[0].values.length !== 1)) {
    throw new FormatProblem({ vi: `Thuộc tính ${oid} phải có đúng một giá trị`, en: `Attribute ${oid} must occur once with one value` });
  }
  return matches[0]?.values[0];
}

/**
 * RFC 5652 §5.3: with signed attributes, contentType (equal to eContentType) and messageDigest are required and the
 * signing time, if any, is a Time. Returns the claimed signing time.
 */
export function checkSignedAttributes(signerInfo: pkijs.SignerInfo, eContentType: string): Date | undefined {
  const attributes = signerInfo.signedAttrs?.attributes;
  if (!attributes) return undefined;
  const contentType = attributeValue(attributes, Oid.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== eContentType) {
    throw new FormatProblem({ vi: 'Thuộc tính contentType thiếu hoặc không khớp', en: 'The contentType attribute is missing or does not match' });
  }
  if (!(attributeValue(attributes, Oid.messageDigest) instanceof asn1js.OctetString)) {
    throw new FormatProblem({ vi: 'Thiếu thuộc tính messageDigest', en: 'The messageDigest attribute is missing' });
  }
  const time = attributeValue(attributes, Oid.signingTime);
  if (time === undefined) return undefined;
  if (!(time instanceof asn1js.UTCTime) && !(time instanceof asn1js.GeneralizedTime)) {
    throw new FormatProblem({ vi: 'Thuộc tính signingTime không hợp lệ', en: 'The signingTime attribute is not a Time' });
  }
  return time.toDate();
}

/** The certificate the SignerInfo's sid names: issuer and serial, or subject key identifier. */
export function findSignerCertificate(signerInfo: pkijs.SignerInfo, certificates: X509Certificate[]): X509Certificate | undefined {
  const sid = signerInfo.sid;
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    const serial = Buffer.from(sid.serialNumber.valueBlock.valueHexView);
    return certificates.find((cert) => {
      const certificate = parsed(cert);
      return sameBytes(serial, certificate.serialNumber.valueBlock.valueHexView) && certificate.issuer.isEqual(sid.issuer);
    });
  }
  // subjectKeyIdentifier [0] IMPLICIT OCTET STRING: a primitive context-tagged element holding the key id.
  const keyId = sid instanceof asn1js.Primitive ? sid.valueBlock.valueHexView : undefined;
  if (!keyId) return undefined;
  return certificates.find((cert) => {
    const ski = parsed(cert).extensions?.find((ext) => ext.extnID === Oid.subjectKeyIdentifier);
    const value = ski?.parsedValue;
    return value instanceof asn1js.OctetString && sameBytes(keyId, value.valueBlock.valueHexView);
  });
}

/**
 * The message digest over the content, then the signature with the certificate's key: over the signed attributes
 * (as a universal SET, RFC 5652 §5.4) or, without them, over the content itself, where a changed content and a
 * broken signature cannot be told apart.
 */
export function checkIntegrity(signerInfo: pkijs.SignerInfo, content: Buffer, cert: X509Certificate): Outcome {
  const digestOid = signerInfo.digestAlgorithm.algorithmId;
  if (!digestName(digestOid)) return cryptoConstraint(`digest ${digestOid}`);
  const signedAttrs = signerInfo.signedAttrs;
  if (signedAttrs) {
    const messageDigest = octets(attributeValue(signedAttrs.attributes, Oid.messageDigest));
    if (!sameBytes(messageDigest, digest(digestOid, content))) {
      return { ok: false, subIndication: 'HASH_FAILURE', text: { vi: 'Nội dung không khớp với mã băm đã ký', en: 'The content does not match the signed message digest' } };
    }
  }
  let signedBytes = content;
  if (signedAttrs) {
    signedBytes = Buffer.from(signedAttrs.encodedValue);
    signedBytes[0] = 0x31;
  }
  const result = checkSignature(signerInfo.signatureAlgorithm, digestOid, signedBytes, signerInfo.signature.valueBlock.valueHexView, cert.publicKey);
  if (result === 'valid') return { ok: true };
  if (result === 'invalid') {
    return { ok: false, subIndication: 'SIG_CRYPTO_FAILURE', text: { vi: 'Giá trị chữ ký không khớp với khóa công khai của người ký', en: 'The signature value does not verify with the signer certificate' } };
  }
  return cryptoConstraint(result.unsupported);
}

function cryptoConstraint(what: string): Outcome {
  return {
    ok: false,
    subIndication: 'CRYPTO_CONSTRAINTS_FAILURE',
    text: { vi: `Thuật toán không được chấp nhận: ${what}`, en: `Algorithm not accepted: ${what}` },
  };
}

/**
 * ESS signing-certificate (RFC 2634, SHA-1) or signing-certificate-v2 (RFC 5035): the signed hash, and issuer and
 * serial when given, of the certificate the signer meant. Undefined when neither attribute is present.
 */
export function checkSigningCertificateAttribute(attributes: pkijs.Attribute[] | undefined, cert: X509Certificate): Outcome | undefined {
  const v2 = attributeValue(attributes, Oid.signingCertificateV2);
  const v1 = attributeValue(attributes, Oid.signingCertificate);
  if (!v2 && !v1) return undefined;
  const certIds = v2 ?? v1;
  const list = certIds instanceof asn1js.Sequence ? certIds.valueBlock.value[0] : undefined;
  const first = list instanceof asn1js.Sequence ? list.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) throw new FormatProblem({ vi: 'Thuộc tính signing-certificate không hợp lệ', en: 'The signing-certificate attribute is malformed' });
  const fields = first.valueBlock.value;
  const hasAlgorithm = !!v2 && fields[0] instanceof asn1js.Sequence;
  const hashOid = v2 ? (hasAlgorithm ? new pkijs.AlgorithmIdentifier({ schema: fields[0] }).algorithmId : Oid.sha256) : Oid.sha1;
  const certHash = octets(fields[hasAlgorithm ? 1 : 0]);
  const mismatch = { ok: false as const, subIndication: 'SIG_CONSTRAINTS_FAILURE' as const, text: { vi: 'Chứng thư trong chữ ký không phải chứng thư mà thuộc tính signing-certificate chỉ định', en: 'The certificate in the signature is not the one its signing-certificate attribute names' } };
  if (hashOid !== Oid.sha1 && !digestName(hashOid)) return cryptoConstraint(`signing-certificate digest ${hashOid}`);
  if (!sameBytes(certHash, digest(hashOid, cert.raw))) return mismatch;
  const issuerSerial = fields[hasAlgorithm ? 2 : 1];
  if (issuerSerial instanceof asn1js.Sequence) {
    const serial = issuerSerial.valueBlock.value[1];
    const certificate = parsed(cert);
    if (!(serial instanceof asn1js.Integer) || !sameBytes(serial.valueBlock.valueHexView, certificate.serialNumber.valueBlock.valueHexView)) return mismatch;
  }
  return { ok: true };
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && timingSafeEqual(a, b);
}
