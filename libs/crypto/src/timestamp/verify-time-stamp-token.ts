import { createHash, verify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { validateCertificatePath } from '../certificate-path.js';
import { Oid } from '../oids.js';
import { namesSigner, parseTimeStampToken, TimeStampTokenError, type TimeStampTokenInfo } from './time-stamp-token.js';
import { timeStampingProblem } from './tsa-certificate.js';

export interface TimeStampTokenCheck {
  /** CAs the TSA certificate must chain to (at genTime); without them only the signature and the TSA EKU are checked. */
  trustedCaPems?: string[];
  /** The TSA certificate, for tokens made without certReq. */
  signerCertificatePem?: string;
}

const digestNames: Record<string, string> = { [Oid.sha256]: 'sha256', [Oid.sha384]: 'sha384', [Oid.sha512]: 'sha512' };
const signatureOids = new Set<string>([
  Oid.rsaEncryption, Oid.sha256WithRsaEncryption, Oid.sha384WithRsaEncryption, Oid.sha512WithRsaEncryption,
  Oid.ecPublicKey, Oid.ecdsaWithSha256, Oid.ecdsaWithSha384, Oid.ecdsaWithSha512,
]);

/**
 * Reads a TimeStampToken and checks it: messageDigest over the TSTInfo, the signature with the TSA certificate, ESS
 * signing-certificate(-v2) naming that certificate, the certificate's critical id-kp-timeStamping EKU and, given
 * trusted CAs, its path at genTime. Throws TimeStampTokenError; revocation of the TSA certificate is not checked.
 */
export function verifyTimeStampToken(der: Buffer, check: TimeStampTokenCheck = {}): TimeStampTokenInfo {
  try {
    return verifyToken(der, check);
  } catch (err) {
    if (err instanceof TimeStampTokenError) throw err;
    throw new TimeStampTokenError('malformed', `unreadable token or certificate: ${(err as Error)?.message ?? String(err)}`);
  }
}

function verifyToken(der: Buffer, check: TimeStampTokenCheck): TimeStampTokenInfo {
  const { info, signerInfo, tstInfoDer } = parseTimeStampToken(der);
  const signerDer = info.signerCertificateDer ?? (check.signerCertificatePem ? new X509Certificate(check.signerCertificatePem).raw : undefined);
  if (!signerDer || !namesSigner(signerInfo, signerDer)) throw new TimeStampTokenError('signer', 'the TSA certificate is neither in the token nor given');
  const signerCert = new X509Certificate(signerDer);

  const digestName = digestNames[signerInfo.digestAlgorithm.algorithmId];
  if (!digestName) throw new TimeStampTokenError('signature', `unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`);
  if (!signatureOids.has(signerInfo.signatureAlgorithm.algorithmId)) throw new TimeStampTokenError('signature', `unsupported signature algorithm ${signerInfo.signatureAlgorithm.algorithmId}`);
  const signed = signerInfo.signedAttrs;
  if (!signed) throw new TimeStampTokenError('malformed', 'the token has no signed attributes');
  const contentType = value(signed.attributes, Oid.contentType);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || contentType.valueBlock.toString() !== Oid.tstInfo) throw new TimeStampTokenError('malformed', 'the contentType attribute is not TSTInfo');
  const messageDigest = value(signed.attributes, Oid.messageDigest);
  if (!(messageDigest instanceof asn1js.OctetString) || !Buffer.from(messageDigest.getValue()).equals(createHash(digestName).update(tstInfoDer).digest())) {
    throw new TimeStampTokenError('signature', 'the messageDigest attribute does not match the TSTInfo');
  }
  // The signature covers the attributes as a universal SET, not the [0] IMPLICIT tag they travel under.
  const signedBytes = Buffer.from(signed.encodedValue);
  signedBytes[0] = 0x31;
  if (!verify(digestName, signedBytes, signerCert.publicKey, new Uint8Array(signerInfo.signature.getValue()))) {
    throw new TimeStampTokenError('signature', 'the token signature does not verify with the TSA certificate');
  }
  checkEssCertificate(signed.attributes, signerDer);
  const eku = timeStampingProblem(signerDer);
  if (eku) throw new TimeStampTokenError('signer', eku);

  if (check.trustedCaPems) {
    const others = info.certificatesDer.filter((cert) => !cert.equals(signerDer)).map((cert) => new X509Certificate(cert));
    const path = validateCertificatePath(signerCert, others, check.trustedCaPems.map((pem) => new X509Certificate(pem)), info.genTime);
    if (!path.ok) throw new TimeStampTokenError('untrusted', path.reason);
  }
  return info;
}

/** RFC 5816 signing-certificate-v2 (hash default SHA-256), or RFC 3161's signing-certificate (SHA-1), names the signer. */
function checkEssCertificate(attributes: pkijs.Attribute[], certDer: Buffer): void {
  const v2 = value(attributes, Oid.signingCertificateV2);
  const v1 = v2 ? undefined : value(attributes, Oid.signingCertificate);
  const certIds = (v2 ?? v1) instanceof asn1js.Sequence ? ((v2 ?? v1) as asn1js.Sequence).valueBlock.value[0] : undefined;
  const first = certIds instanceof asn1js.Sequence ? certIds.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) throw new TimeStampTokenError('signer', 'the ESS signing-certificate attribute is missing');
  const fields = first.valueBlock.value;
  const hasAlgorithm = v2 !== undefined && fields[0] instanceof asn1js.Sequence;
  const hashOid = hasAlgorithm ? (fields[0] as asn1js.Sequence).valueBlock.value[0]?.valueBlock.toString() : undefined;
  const hashName = v1 ? 'sha1' : hashOid ? digestNames[hashOid] : 'sha256';
  const certHash = fields[hasAlgorithm ? 1 : 0];
  if (!hashName || !(certHash instanceof asn1js.OctetString)) throw new TimeStampTokenError('signer', 'the ESS certificate identifier is not readable');
  if (!Buffer.from(certHash.getValue()).equals(createHash(hashName).update(certDer).digest())) {
    throw new TimeStampTokenError('signer', 'the ESS signing-certificate attribute names another certificate');
  }
}

function value(attributes: pkijs.Attribute[], oid: string): asn1js.AsnType | undefined {
  const matches = attributes.filter((attr) => attr.type === oid);
  if (matches.length > 1 || (matches[0] && matches[0].values.length !== 1)) throw new TimeStampTokenError('malformed', `attribute ${oid} must have one value`);
  return matches[0]?.values[0];
}
