import { createHash, X509Certificate } from 'node:crypto';
import { CheckList } from './check-list.js';
import { readSignedData, type FormatProblem, type SignedDataParts } from './cms-structure.js';
import { validateSignerInfo } from './validate-signer-info.js';
import type { Indication, LocalizedText, RevocationData, RevocationSource, SignatureReport, SignatureValidationInput, ValidationReport } from './validation-report.js';

/** Signatures (SignerInfos) validated per call; the rest are reported without being read. */
export const MAX_SIGNATURES = 20;
const NOT_VALIDATED: LocalizedText = { vi: `Không kiểm tra: tối đa ${MAX_SIGNATURES} chữ ký mỗi lần`, en: `Not validated: at most ${MAX_SIGNATURES} signatures per request` };

/**
 * Validates detached or enveloping CMS signatures over `content` in the spirit of ETSI EN 319 102-1: one report per
 * SignerInfo, in input order, and an overall indication (FAILED if any failed, else INDETERMINATE if any, else
 * PASSED). Never throws: whatever cannot be read is reported as FAILED/FORMAT_FAILURE for that signature.
 */
export async function validateSignatures(input: SignatureValidationInput): Promise<ValidationReport> {
  const validationTime = input.validationTime ?? new Date();
  const anchors = readAnchors(Array.isArray(input.trustAnchors) ? input.trustAnchors : []);
  const fetchRevocation = input.revocation ? memoized(input.revocation) : undefined;
  const reports: SignatureReport[] = [];
  const signatures = Array.isArray(input.signatures) ? input.signatures : [];
  for (const [signature, blob] of signatures.entries()) {
    const base = { index: reports.length, source: { signature, signerInfo: 0 }, bestSignatureTime: validationTime };
    if (reports.length >= MAX_SIGNATURES) {
      reports.push(unreadable(base, NOT_VALIDATED));
      continue;
    }
    let parts: SignedDataParts;
    try {
      parts = readSignedData(blob);
    } catch (err) {
      reports.push(unreadable(base, (err as FormatProblem).text));
      continue;
    }
    for (const [signerInfo, info] of parts.signerInfos.entries()) {
      const index = reports.length;
      const source = { signature, signerInfo };
      if (index >= MAX_SIGNATURES) {
        reports.push(unreadable({ ...base, index, source }, NOT_VALIDATED));
        break;
      }
      const expected = input.expected?.[index];
      reports.push(
        await validateSignerInfo({
          index,
          source,
          parts,
          signerInfo: info,
          ...(input.content ? { content: input.content } : {}),
          anchors,
          validationTime,
          ...(expected ? { expected } : {}),
          ...(fetchRevocation ? { fetchRevocation } : {}),
        }),
      );
    }
  }
  return { ...overall(reports), validationTime, signatures: reports };
}

/** Anchors that are not certificates are ignored: they come from configuration, not from the signer. */
function readAnchors(ders: Buffer[]): X509Certificate[] {
  return ders.flatMap((der) => {
    try {
      return [new X509Certificate(der)];
    } catch {
      return [];
    }
  });
}

/** One question per certificate and call, however many signatures share it; a failing source means "unknown". */
function memoized(source: RevocationSource): (cert: X509Certificate, issuer: X509Certificate) => Promise<RevocationData | null> {
  const answers = new Map<string, Promise<RevocationData | null>>();
  return (cert, issuer) => {
    const key = createHash('sha256').update(cert.raw).update(issuer.raw).digest('hex');
    let answer = answers.get(key);
    if (!answer) {
      answer = Promise.resolve()
        .then(() => source.fetch(cert.raw, issuer.raw))
        .catch(() => null);
      answers.set(key, answer);
    }
    return answer;
  };
}

function unreadable(base: Pick<SignatureReport, 'index' | 'source' | 'bestSignatureTime'>, text: LocalizedText): SignatureReport {
  const checks = new CheckList();
  checks.problem('format', 'FORMAT_FAILURE', text);
  const { checks: list, ...verdict } = checks.verdict();
  return { index: base.index, source: base.source, ...verdict, level: 'none', bestSignatureTime: base.bestSignatureTime, checks: list };
}

/** The overall verdict of signature reports: FAILED if any failed, else INDETERMINATE if any, else PASSED. */
export function overall(reports: SignatureReport[]): Pick<ValidationReport, 'indication' | 'subIndication' | 'message'> {
  if (!reports.length) return { indication: 'INDETERMINATE', message: { vi: 'Không có chữ ký nào để kiểm tra', en: 'There is no signature to validate' } };
  const worst: Indication = reports.some((r) => r.indication === 'FAILED') ? 'FAILED' : reports.some((r) => r.indication === 'INDETERMINATE') ? 'INDETERMINATE' : 'PASSED';
  if (worst === 'PASSED') {
    return { indication: 'PASSED', message: { vi: `Tất cả ${reports.length} chữ ký đều hợp lệ`, en: `All ${reports.length} signature(s) are valid` } };
  }
  const decisive = reports.find((r) => r.indication === worst)!;
  const number = decisive.index + 1;
  const lead = worst === 'FAILED' ? { vi: `Chữ ký số ${number} không hợp lệ`, en: `Signature ${number} is not valid` } : { vi: `Chưa xác nhận được chữ ký số ${number}`, en: `Signature ${number} could not be confirmed` };
  return {
    indication: worst,
    ...(decisive.subIndication ? { subIndication: decisive.subIndication } : {}),
    message: { vi: `${lead.vi}: ${decisive.message.vi}`, en: `${lead.en}: ${decisive.message.en}` },
  };
}
