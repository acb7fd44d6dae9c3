import type { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { Oid } from '../oids.js';
import { distinguishedName } from '../parse-certificate.js';
import { iso } from './check-list.js';
import { FormatProblem, readSignedData } from './cms-structure.js';
import { certificateFacts, KeyUsageBit } from './certificate-facts.js';
import { SKEW_MS } from './revocation-findings.js';
import { digest, digestName } from './signature-algorithms.js';
import { checkIntegrity, checkSignedAttributes, checkSigningCertificateAttribute, findSignerCertificate, sameBytes, type Outcome } from './signer-info.js';
import { buildTrustPath, pathConstraintProblem, validityProblem } from './trust-path.js';
import type { TimeStampSummary } from './validation-report.js';

export interface TimeStampContext {
  /** The SignerInfo signature value the token must cover (RFC 3161 messageImprint, EN 319 122-1 §5.3). */
  signatureValue: Uint8Array;
  /** Certificates the signature carries, where the TSA certificate or its CAs may be. */
  certificates: X509Certificate[];
  anchors: X509Certificate[];
  validationTime: Date;
}

export interface TimeStampResult {
  summary?: TimeStampSummary;
  outcome: Outcome;
  /** The TSA certificate's path to its trust anchor, when the token checked out: its revocation is the caller's. */
  path?: X509Certificate[];
}

/**
 * Validates one signature time-stamp token (RFC 3161 §2.4.2): a SignedData over TSTInfo whose imprint is the hash of
 * the signature value, signed by a certificate with the one critical id-kp-timeStamping purpose (§2.3) that chains
 * to a trust anchor at genTime. The revocation of the TSA's path needs the revocation source, so the caller checks
 * it (`path`).
 */
export function validateTimeStamp(token: Buffer, context: TimeStampContext): TimeStampResult {
  let summary: TimeStampSummary | undefined;
  try {
    const parts = readSignedData(token);
    if (parts.eContentType !== Oid.tstInfo || !parts.eContent || parts.signerInfos.length !== 1) {
      throw new FormatProblem({ vi: 'Dấu thời gian không phải TimeStampToken', en: 'The time-stamp is not a TimeStampToken' });
    }
    const tstInfo = pkijs.TSTInfo.fromBER(parts.eContent);
    const [signerInfo] = parts.signerInfos;
    const tsaCert = findSignerCertificate(signerInfo, [...parts.certificates, ...context.certificates, ...context.anchors]);
    summary = {
      genTime: tstInfo.genTime,
      policy: tstInfo.policy,
      serialNumber: Buffer.from(tstInfo.serialNumber.valueBlock.valueHexView).toString('hex'),
      ...(tsaCert ? { tsaSubject: distinguishedName(tsaCert.subject) } : {}),
      valid: false,
    };
    if (!tsaCert) return { summary, outcome: timeStampProblem('NO_SIGNING_CERTIFICATE_FOUND', 'không tìm thấy chứng thư của đơn vị cấp dấu thời gian', 'the TSA certificate is not available') };
    const path = buildTrustPath(tsaCert, [...parts.certificates, ...context.certificates], context.anchors);
    const outcome = checkToken(tstInfo, signerInfo, parts.eContent, tsaCert, path, context);
    summary.valid = outcome.ok;
    return { summary, outcome, ...(outcome.ok && path ? { path } : {}) };
  } catch (err) {
    const why = err instanceof FormatProblem ? err.text : { vi: 'cấu trúc không hợp lệ', en: 'malformed structure' };
    return { ...(summary ? { summary } : {}), outcome: timeStampProblem('FORMAT_FAILURE', why.vi, why.en) };
  }
}

function checkToken(
  tstInfo: pkijs.TSTInfo,
  signerInfo: pkijs.SignerInfo,
  eContent: Buffer,
  tsaCert: X509Certificate,
  path: X509Certificate[] | undefined,
  context: TimeStampContext,
): Outcome {
  const imprintOid = tstInfo.messageImprint.hashAlgorithm.algorithmId;
  if (!digestName(imprintOid)) return timeStampProblem('CRYPTO_CONSTRAINTS_FAILURE', `thuật toán băm ${imprintOid} không được chấp nhận`, `imprint digest ${imprintOid} not accepted`);
  if (!sameBytes(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView, digest(imprintOid, context.signatureValue))) {
    return timeStampProblem('HASH_FAILURE', 'dấu thời gian không được cấp cho chữ ký này', 'it was not issued for this signature value');
  }
  if (!signerInfo.signedAttrs) throw new FormatProblem({ vi: 'thiếu thuộc tính được ký', en: 'signed attributes are missing' });
  checkSignedAttributes(signerInfo, Oid.tstInfo);
  const integrity = checkIntegrity(signerInfo, eContent, tsaCert);
  if (!integrity.ok) return timeStampProblem(integrity.subIndication, integrity.text.vi, integrity.text.en);
  const binding = checkSigningCertificateAttribute(signerInfo.signedAttrs.attributes, tsaCert);
  if (!binding) return timeStampProblem('SIG_CONSTRAINTS_FAILURE', 'thiếu thuộc tính signing-certificate', 'the signing-certificate attribute is missing');
  if (!binding.ok) return timeStampProblem(binding.subIndication, binding.text.vi, binding.text.en);
  const eku = certificateFacts(tsaCert).extendedKeyUsage;
  if (!eku?.critical || eku.purposes.length !== 1 || eku.purposes[0] !== Oid.kpTimeStamping) {
    return timeStampProblem('CHAIN_CONSTRAINTS_FAILURE', 'chứng thư không dành riêng cho cấp dấu thời gian', 'the TSA certificate lacks the sole critical id-kp-timeStamping purpose');
  }
  if (!path) return timeStampProblem('NO_CERTIFICATE_CHAIN_FOUND', 'chứng thư của đơn vị cấp dấu thời gian không thuộc tổ chức chứng thực tin cậy', 'the TSA certificate does not chain to a trust anchor');
  const constraint = pathConstraintProblem(path, [KeyUsageBit.digitalSignature, KeyUsageBit.nonRepudiation]);
  if (constraint) return timeStampProblem('CHAIN_CONSTRAINTS_FAILURE', constraint.vi, constraint.en);
  if (validityProblem(path, tstInfo.genTime)) return timeStampProblem('OUT_OF_BOUNDS_NO_POE', `chứng thư không còn hiệu lực lúc ${iso(tstInfo.genTime)}`, `a certificate of its path is not valid at ${iso(tstInfo.genTime)}`);
  if (tstInfo.genTime.getTime() > context.validationTime.getTime() + SKEW_MS) return timeStampProblem('NO_POE', 'thời điểm cấp ở tương lai', 'its time lies in the future');
  return { ok: true };
}

export function timeStampProblem(subIndication: Extract<Outcome, { ok: false }>['subIndication'], vi: string, en: string): Outcome {
  return { ok: false, subIndication, text: { vi: `Dấu thời gian của chữ ký không hợp lệ: ${vi}`, en: `The signature time-stamp is not valid: ${en}` } };
}
