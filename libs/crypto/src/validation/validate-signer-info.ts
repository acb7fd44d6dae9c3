import type { X509Certificate } from 'node:crypto';
import type * as pkijs from 'pkijs';
import { Oid } from '../oids.js';
import { distinguishedName } from '../parse-certificate.js';
import { CheckList, indicationOf, iso } from './check-list.js';
import { FormatProblem, type SignedDataParts } from './cms-structure.js';
import { KeyUsageBit, signerSummary } from './certificate-facts.js';
import { SKEW_MS } from './revocation-findings.js';
import { checkRevocation } from './revocation-status.js';
import { timeStampProblem, validateTimeStamp } from './signature-timestamp.js';
import { attributeValue, checkIntegrity, checkSignedAttributes, checkSigningCertificateAttribute, findSignerCertificate, type Outcome } from './signer-info.js';
import { buildTrustPath, pathConstraintProblem, validityProblem } from './trust-path.js';
import { readUnsignedAttributes, type UnsignedValues } from './unsigned-attributes.js';
import type { CheckName, ExpectedSigner, LocalizedText, RevocationData, SignatureLevel, SignatureReport, TimeStampSummary } from './validation-report.js';

export interface SignerInfoContext {
  index: number;
  source: { signature: number; signerInfo: number };
  parts: SignedDataParts;
  signerInfo: pkijs.SignerInfo;
  content?: Buffer;
  anchors: X509Certificate[];
  validationTime: Date;
  expected?: ExpectedSigner;
  fetchRevocation?: (cert: X509Certificate, issuer: X509Certificate) => Promise<RevocationData | null>;
}

/**
 * One SignerInfo through the checks of EN 319 102-1 (basic validation, then validation with time): each step either
 * lets the next one run or ends the validation, and anything unreadable met on the way is a FORMAT_FAILURE of that
 * step rather than an exception.
 */
export async function validateSignerInfo(context: SignerInfoContext): Promise<SignatureReport> {
  return new SignerInfoValidation(context).run();
}

class SignerInfoValidation {
  private readonly checks = new CheckList();
  private level: SignatureLevel = 'none';
  private unsigned: UnsignedValues = { timeStampTokens: [], certificates: [], crls: [], basicOcspResponses: [] };
  private signingTime?: Date;
  private cert?: X509Certificate;
  private path: X509Certificate[] = [];
  private bestSignatureTime: Date;
  private proven = false;
  private timeStamp?: TimeStampSummary;

  constructor(private readonly context: SignerInfoContext) {
    this.bestSignatureTime = context.validationTime;
  }

  async run(): Promise<SignatureReport> {
    const steps: Array<[CheckName, () => boolean | Promise<boolean>]> = [
      ['format', () => this.format()],
      ['signing-certificate', () => this.signingCertificate()],
      ['signer', () => this.expectedSigner()],
      ['integrity', () => this.integrity()],
      ['timestamp', () => this.timeStamps()],
      ['chain', () => this.chain()],
      ['validity', () => this.validity()],
      ['revocation', () => this.revocation()],
    ];
    for (const [name, step] of steps) {
      if (!(await this.guarded(name, step)) || this.checks.hasFailed()) break;
    }
    const { source, index } = this.context;
    const { checks, ...verdict } = this.checks.verdict();
    return {
      index,
      source,
      ...verdict,
      level: this.level,
      ...(this.cert ? { signer: signerSummary(this.cert) } : {}),
      ...(this.signingTime ? { signingTime: this.signingTime } : {}),
      ...(this.timeStamp ? { timeStamp: this.timeStamp } : {}),
      bestSignatureTime: this.bestSignatureTime,
      checks,
    };
  }

  private async guarded(name: CheckName, step: () => boolean | Promise<boolean>): Promise<boolean> {
    try {
      return await step();
    } catch (err) {
      const text = err instanceof FormatProblem ? err.text : { vi: 'Chữ ký có cấu trúc không hợp lệ', en: 'The signature holds a malformed structure' };
      this.checks.problem(name, 'FORMAT_FAILURE', text);
      return false;
    }
  }

  private format(): boolean {
    const { signerInfo, parts } = this.context;
    this.signingTime = checkSignedAttributes(signerInfo, parts.eContentType);
    this.unsigned = readUnsignedAttributes(signerInfo);
    this.level = levelOf(signerInfo, parts, this.unsigned);
    this.checks.passed('format', { vi: `Cấu trúc CMS hợp lệ, mức ${this.level}`, en: `Well-formed CMS SignedData, level ${this.level}` });
    return true;
  }

  private signingCertificate(): boolean {
    const { signerInfo, parts } = this.context;
    this.cert = findSignerCertificate(signerInfo, [...parts.certificates, ...this.unsigned.certificates]);
    if (!this.cert) {
      this.checks.problem('signing-certificate', 'NO_SIGNING_CERTIFICATE_FOUND', { vi: 'Chữ ký không kèm chứng thư của người ký', en: 'The signature does not carry the signer certificate' });
      return false;
    }
    const binding = checkSigningCertificateAttribute(signerInfo.signedAttrs?.attributes, this.cert);
    if (!binding) {
      this.checks.passed('signing-certificate', { vi: 'Chứng thư người ký được xác định, nhưng không có thuộc tính signing-certificate gắn với chữ ký', en: 'Signer certificate identified, but no signing-certificate attribute binds it to the signature' });
    } else if (binding.ok) {
      this.checks.passed('signing-certificate', { vi: 'Chứng thư người ký được gắn với chữ ký (signing-certificate)', en: 'The signer certificate is bound by the signing-certificate attribute' });
    } else {
      this.checks.problem('signing-certificate', binding.subIndication, binding.text);
    }
    return true;
  }

  private expectedSigner(): boolean {
    const expected = this.context.expected;
    const summary = signerSummary(this.cert!);
    if (!expected || (expected.signerSubjectSerial === undefined && expected.certificateSha256 === undefined)) {
      this.checks.skipped('signer', { vi: 'Không có yêu cầu về người ký', en: 'No expected signer given' });
      return true;
    }
    const serialOk = expected.signerSubjectSerial === undefined || expected.signerSubjectSerial === summary.serialNumber;
    const hashOk = expected.certificateSha256 === undefined || expected.certificateSha256.toLowerCase() === summary.certificateSha256;
    if (serialOk && hashOk) {
      this.checks.passed('signer', { vi: 'Người ký đúng như yêu cầu', en: 'Signed by the expected signer' });
    } else {
      this.checks.problem('signer', 'SIG_CONSTRAINTS_FAILURE', {
        vi: `Chữ ký của ${summary.subject}, không phải người ký được yêu cầu`,
        en: `Signed by ${summary.subject}, not by the expected signer`,
      });
    }
    return true;
  }

  private integrity(): boolean {
    const { parts, content, signerInfo } = this.context;
    if (parts.eContent && content && !parts.eContent.equals(content)) {
      this.checks.problem('integrity', 'HASH_FAILURE', { vi: 'Nội dung đã cho khác với nội dung được ký kèm trong chữ ký', en: 'The given content differs from the content embedded in the signature' });
      return false;
    }
    const signed = parts.eContent ?? content;
    if (!signed) {
      this.checks.problem('integrity', 'SIGNED_DATA_NOT_FOUND', { vi: 'Chữ ký tách rời nhưng không có nội dung để kiểm tra', en: 'The signature is detached and no content was given' });
      return false;
    }
    const outcome = checkIntegrity(signerInfo, signed, this.cert!);
    if (!outcome.ok) {
      this.checks.problem('integrity', outcome.subIndication, outcome.text);
      return false;
    }
    const where = parts.eContent ? 'nội dung kèm trong chữ ký' : 'nội dung đã cho';
    const whereEn = parts.eContent ? 'the content embedded in the signature' : 'the given content';
    this.checks.passed('integrity', { vi: `Chữ ký khớp với ${where}`, en: `The signature verifies over ${whereEn}` });
    return true;
  }

  private async timeStamps(): Promise<boolean> {
    const tokens = this.unsigned.timeStampTokens;
    if (!tokens.length) {
      this.checks.skipped('timestamp', { vi: 'Không có dấu thời gian: thời điểm ký chưa được chứng minh', en: 'No signature time-stamp: the signing time is not proven' });
      return true;
    }
    const { parts, anchors, validationTime, signerInfo } = this.context;
    const context = { signatureValue: signerInfo.signature.valueBlock.valueHexView, certificates: [...parts.certificates, ...this.unsigned.certificates], anchors, validationTime };
    const results = tokens.map((token) => validateTimeStamp(token, context));
    // A token counts only if its time-stamping unit was not revoked before the time it states.
    const tsaStatus: LocalizedText[] = [];
    for (const result of results) {
      if (!result.outcome.ok || !result.path || !result.summary) continue;
      const status = await this.pathRevocation(result.path, result.summary.genTime, false, true);
      if (status.ok) tsaStatus.push(...status.details);
      else {
        result.outcome = timeStampProblem(status.subIndication, lowerFirst(status.text.vi), lowerFirst(status.text.en));
        result.summary.valid = false;
      }
    }
    const valid = results.filter((result) => result.outcome.ok && result.summary).sort((a, b) => a.summary!.genTime.getTime() - b.summary!.genTime.getTime());
    const chosen = valid[0] ?? results[0];
    if (chosen.summary) this.timeStamp = chosen.summary;
    if (valid[0]) {
      this.bestSignatureTime = valid[0].summary!.genTime;
      this.proven = true;
    }
    const failure = results.map((result) => result.outcome).find((outcome) => !outcome.ok && indicationOf(outcome.subIndication) === 'FAILED')
      ?? results.map((result) => result.outcome).find((outcome) => !outcome.ok);
    if (failure && !failure.ok) {
      this.checks.problem('timestamp', failure.subIndication, failure.text);
    } else if (this.signingTime && this.signingTime.getTime() > this.bestSignatureTime.getTime() + SKEW_MS) {
      this.checks.problem('timestamp', 'TIMESTAMP_ORDER_FAILURE', {
        vi: `Thời điểm ký tự khai (${iso(this.signingTime)}) sau thời điểm của dấu thời gian (${iso(this.bestSignatureTime)})`,
        en: `The claimed signing time (${iso(this.signingTime)}) is after the time-stamp (${iso(this.bestSignatureTime)})`,
      });
    } else {
      this.checks.passed('timestamp', {
        vi: [`Dấu thời gian hợp lệ chứng minh chữ ký có từ ${iso(this.bestSignatureTime)}`, ...tsaStatus.map((d) => d.vi)].join('; '),
        en: [`A valid time-stamp proves the signature existed at ${iso(this.bestSignatureTime)}`, ...tsaStatus.map((d) => d.en)].join('; '),
      });
    }
    return true;
  }

  private chain(): boolean {
    const { parts, anchors } = this.context;
    const path = buildTrustPath(this.cert!, [...parts.certificates, ...this.unsigned.certificates], anchors);
    if (!path) {
      this.checks.problem('chain', 'NO_CERTIFICATE_CHAIN_FOUND', { vi: 'Chứng thư người ký không thuộc tổ chức chứng thực tin cậy nào', en: 'The signer certificate does not chain to a trust anchor' });
      return false;
    }
    this.path = path;
    const constraint = pathConstraintProblem(path, [KeyUsageBit.digitalSignature, KeyUsageBit.nonRepudiation]);
    if (constraint) {
      this.checks.problem('chain', 'CHAIN_CONSTRAINTS_FAILURE', constraint);
    } else {
      const anchor = distinguishedName(path[path.length - 1].subject);
      this.checks.passed('chain', { vi: `Chuỗi chứng thư đến tổ chức tin cậy ${anchor}`, en: `Chains to the trust anchor ${anchor}` });
    }
    return true;
  }

  private validity(): boolean {
    const at = this.bestSignatureTime;
    const problem = validityProblem(this.path, at);
    if (!problem) {
      this.checks.passed('validity', { vi: `Các chứng thư còn hiệu lực tại ${iso(at)}`, en: `Every certificate of the path is valid at ${iso(at)}` });
      return true;
    }
    const name = distinguishedName(problem.cert.subject);
    const state = problem.problem === 'expired' ? { vi: 'đã hết hạn', en: 'had expired' } : { vi: 'chưa có hiệu lực', en: 'was not yet valid' };
    if (problem.cert === this.cert && this.proven) {
      this.checks.problem('validity', problem.problem === 'expired' ? 'EXPIRED' : 'NOT_YET_VALID', {
        vi: `Chứng thư người ký ${state.vi} tại thời điểm ký được dấu thời gian chứng minh (${iso(at)})`,
        en: `The signer certificate ${state.en} at the time-stamped signature time (${iso(at)})`,
      });
      return false;
    }
    this.checks.problem('validity', 'OUT_OF_BOUNDS_NO_POE', {
      vi: `Chứng thư ${name} ${state.vi} tại ${iso(at)} và không có dấu thời gian chứng minh chữ ký có trước đó`,
      en: `The certificate ${name} ${state.en} at ${iso(at)} and no time-stamp proves the signature existed before`,
    });
    return true;
  }

  /** Every certificate of the path but the trust anchor: the signer's, then each CA's (EN 319 102-1 §5.6.2.4). */
  private async revocation(): Promise<boolean> {
    if (this.path.length < 2) {
      this.checks.skipped('revocation', { vi: 'Chứng thư người ký là chứng thư tin cậy', en: 'The signer certificate is itself a trust anchor' });
      return true;
    }
    const status = await this.pathRevocation(this.path, this.bestSignatureTime, this.proven, false);
    if (!status.ok) this.checks.problem('revocation', status.subIndication, status.text);
    else this.checks.passed('revocation', { vi: status.details.map((d) => d.vi).join('; '), en: status.details.map((d) => d.en).join('; ') });
    return true;
  }

  /** The status at `at` of each certificate of `path` but its trust anchor, leaf first: the first problem, or each one's detail. */
  private async pathRevocation(path: X509Certificate[], at: Date, proven: boolean, tsa: boolean): Promise<Extract<Outcome, { ok: false }> | { ok: true; details: LocalizedText[] }> {
    const { parts, validationTime, fetchRevocation } = this.context;
    const embedded = { crls: [...parts.crls, ...this.unsigned.crls], ocspResponses: parts.ocspResponses, basicOcspResponses: this.unsigned.basicOcspResponses };
    const details: LocalizedText[] = [];
    for (let i = 0; i < path.length - 1; i++) {
      const outcome = await checkRevocation({
        cert: path[i],
        issuer: path[i + 1],
        validationTime,
        at,
        proven,
        embedded,
        ...(tsa ? { tsa } : {}),
        ...(i > 0 ? { caName: distinguishedName(path[i].subject) } : {}),
        ...(fetchRevocation ? { fetch: fetchRevocation } : {}),
      });
      if (!outcome.ok) return outcome;
      details.push(outcome.detail ?? { vi: 'Chưa bị thu hồi', en: 'Not revoked' });
    }
    return { ok: true, details };
  }
}

const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

/** B-B needs signed attributes with an ESS signing-certificate(-v2); B-T adds a time-stamp; B-LT validation data. */
function levelOf(signerInfo: pkijs.SignerInfo, parts: SignedDataParts, unsigned: UnsignedValues): SignatureLevel {
  const attributes = signerInfo.signedAttrs?.attributes;
  if (!attributes || (!attributeValue(attributes, Oid.signingCertificateV2) && !attributeValue(attributes, Oid.signingCertificate))) return 'none';
  if (!unsigned.timeStampTokens.length) return 'B-B';
  const revocationValues = parts.crls.length + parts.ocspResponses.length + unsigned.crls.length + unsigned.basicOcspResponses.length;
  return revocationValues ? 'B-LT' : 'B-T';
}
