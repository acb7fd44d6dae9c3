import type { X509Certificate } from 'node:crypto';
import { iso } from './check-list.js';
import { basicOcspFinding, crlFinding, ocspFinding, SKEW_MS, type RevocationFinding, type Subject } from './revocation-findings.js';
import type { Outcome } from './signer-info.js';
import type { RevocationData } from './validation-report.js';

export interface RevocationValues {
  crls: Buffer[];
  ocspResponses: Buffer[];
  basicOcspResponses: Buffer[];
}

type RevocationDecision =
  | { state: 'revoked'; revokedAt: Date; reason?: string; source: string }
  | { state: 'good'; thisUpdate: Date; source: string }
  | { state: 'unknown'; why: string };

export interface RevocationQuestion extends Subject {
  /** The best signature time. */
  at: Date;
  /** Whether a valid signature time-stamp proves `at`, or it is merely the validation time. */
  proven: boolean;
  embedded: RevocationValues;
  fetch?: (cert: X509Certificate, issuer: X509Certificate) => Promise<RevocationData | null>;
  /** Set when `cert` is a CA of the path (named so), not the path's own end-entity certificate. */
  caName?: string;
  /** The path is the time-stamping unit's, and `at` the time its token states. */
  tsa?: boolean;
}

/**
 * A certificate's status at the best signature time (the signer's, or a CA's of the path): first from the values the CMS carries (B-LT), then
 * from the revocation source. A revocation after that time leaves the signature valid, as a revoked certificate does
 * not void signatures made before (EN 319 102-1 §5.5: best-signature-time before the revocation time).
 */
export async function checkRevocation(question: RevocationQuestion): Promise<Outcome> {
  let findings = findingsIn(question.embedded, question);
  let decision = decide(findings, question.at);
  if (decision.state === 'unknown' && question.fetch) {
    const fetched = await question.fetch(question.cert, question.issuer);
    if (fetched) {
      findings = [...findings, ...findingsIn({ crls: fetched.crl ? [fetched.crl] : [], ocspResponses: fetched.ocspResponse ? [fetched.ocspResponse] : [], basicOcspResponses: [] }, question)];
      decision = decide(findings, question.at);
    }
  }
  return outcomeOf(decision, question);
}

/** Unreadable revocation data is unusable, not a fault of the signature: it may come from the network. */
function findingsIn(values: RevocationValues, subject: Subject): RevocationFinding[] {
  const read = (source: 'CRL' | 'OCSP', find: () => RevocationFinding | undefined): RevocationFinding | undefined => {
    try {
      return find();
    } catch {
      return { status: 'unusable', source, why: 'unreadable' };
    }
  };
  return [
    ...values.ocspResponses.map((der) => read('OCSP', () => ocspFinding(der, subject))),
    ...values.basicOcspResponses.map((der) => read('OCSP', () => basicOcspFinding(der, subject))),
    ...values.crls.map((der) => read('CRL', () => crlFinding(der, subject))),
  ].filter((finding): finding is RevocationFinding => finding !== undefined);
}

/**
 * A revocation anywhere wins (this PKI never suspends, so it is final). A "good" answer counts when it was issued
 * at or after `at`, or was still current at `at`; an older one says nothing about that time.
 */
function decide(findings: RevocationFinding[], at: Date): RevocationDecision {
  const revoked = findings
    .filter((finding) => finding.status === 'revoked')
    .sort((a, b) => a.revokedAt.getTime() - b.revokedAt.getTime())[0];
  if (revoked) return { state: 'revoked', revokedAt: revoked.revokedAt, source: revoked.source, ...(revoked.reason ? { reason: revoked.reason } : {}) };
  const good = findings.find(
    (finding) => finding.status === 'good' && (finding.thisUpdate.getTime() >= at.getTime() - SKEW_MS || (finding.nextUpdate ?? finding.thisUpdate) >= at),
  );
  if (good?.status === 'good') return { state: 'good', thisUpdate: good.thisUpdate, source: good.source };
  const reasons = findings.map((finding) => (finding.status === 'unusable' ? `${finding.source}: ${finding.why}` : `${finding.source}: issued before the time to prove`));
  return { state: 'unknown', why: reasons.join('; ') };
}

function outcomeOf(decision: RevocationDecision, { at, proven, caName, tsa }: RevocationQuestion): Outcome {
  const leaf = tsa ? { vi: 'chứng thư của đơn vị cấp dấu thời gian', en: 'the TSA certificate' } : { vi: 'chứng thư người ký', en: 'the signer certificate' };
  const who = caName ? { vi: `chứng thư CA ${caName}`, en: `the CA certificate ${caName}` } : leaf;
  const Who = { vi: who.vi[0].toUpperCase() + who.vi.slice(1), en: who.en[0].toUpperCase() + who.en.slice(1) };
  if (decision.state === 'good') {
    return { ok: true, detail: { vi: `${Who.vi} chưa bị thu hồi tại ${iso(at)} (${decision.source} ngày ${iso(decision.thisUpdate)})`, en: `${Who.en} was not revoked at ${iso(at)} (${decision.source} of ${iso(decision.thisUpdate)})` } };
  }
  if (decision.state === 'unknown') {
    const why = decision.why ? ` (${decision.why})` : '';
    return { ok: false, subIndication: 'TRY_LATER', text: { vi: `Chưa có thông tin thu hồi hiện hành cho ${who.vi}${why}`, en: `No current revocation information for ${who.en}${why}` } };
  }
  const reason = decision.reason ? `, ${decision.reason}` : '';
  if (decision.revokedAt > at) {
    const before = tsa ? 'dấu thời gian được cấp trước đó' : proven ? 'dấu thời gian chứng minh chữ ký có trước đó' : 'sau thời điểm kiểm tra';
    const beforeEn = tsa ? 'the time-stamp was issued before' : proven ? 'the time-stamp proves the signature existed before' : 'after the validation time';
    return { ok: true, detail: { vi: `${Who.vi} bị thu hồi lúc ${iso(decision.revokedAt)}${reason}; ${before} (${iso(at)})`, en: `${Who.en} was revoked at ${iso(decision.revokedAt)}${reason}; ${beforeEn} (${iso(at)})` } };
  }
  // EN 319 102-1 §5.6.2.4: a CA revoked before the best signature time leaves the signature unprovable, not proven bad.
  if (caName) {
    return { ok: false, subIndication: 'REVOKED_CA_NO_POE', text: { vi: `${Who.vi} đã bị thu hồi lúc ${iso(decision.revokedAt)}${reason}, trước thời điểm ký (${iso(at)})`, en: `${Who.en} was revoked at ${iso(decision.revokedAt)}${reason}, before the signature time (${iso(at)})` } };
  }
  // A token from a revoked time-stamping unit proves no time (EN 319 102-1 §5.4: its validation is INDETERMINATE).
  if (tsa) {
    return { ok: false, subIndication: 'REVOKED_NO_POE', text: { vi: `${Who.vi} đã bị thu hồi lúc ${iso(decision.revokedAt)}${reason}, trước thời điểm ghi trong dấu thời gian (${iso(at)})`, en: `${Who.en} was revoked at ${iso(decision.revokedAt)}${reason}, before the time the token states (${iso(at)})` } };
  }
  if (proven) {
    return { ok: false, subIndication: 'REVOKED', text: { vi: `Chứng thư người ký đã bị thu hồi lúc ${iso(decision.revokedAt)}${reason}, trước thời điểm ký được dấu thời gian chứng minh (${iso(at)})`, en: `The signer certificate was revoked at ${iso(decision.revokedAt)}${reason}, before the time-stamped signature time (${iso(at)})` } };
  }
  return { ok: false, subIndication: 'REVOKED_NO_POE', text: { vi: `Chứng thư người ký đã bị thu hồi lúc ${iso(decision.revokedAt)}${reason} và không có dấu thời gian chứng minh chữ ký được tạo trước đó`, en: `The signer certificate was revoked at ${iso(decision.revokedAt)}${reason} and no time-stamp proves the signature was made before` } };
}
