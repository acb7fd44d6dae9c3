import type { X509Certificate } from 'node:crypto';
import { allowsKeyUsage, certificateFacts, KeyUsageBit } from './certificate-facts.js';
import type { LocalizedText } from './validation-report.js';

/** Longer than any path our PKI or a licensed CA issues; with the signature budget it bounds hostile bags. */
const MAX_DEPTH = 6;
const SIGNATURE_BUDGET = 64;

/**
 * A path from `leaf` to one of `anchors` (leaf first, anchor last) through `candidates`, trying alternatives when a
 * name matches but a signature does not. Time is not considered here, so that "no path" and "expired" differ.
 */
export function buildTrustPath(leaf: X509Certificate, candidates: X509Certificate[], anchors: X509Certificate[]): X509Certificate[] | undefined {
  let budget = SIGNATURE_BUDGET;
  const issued = (child: X509Certificate, issuer: X509Certificate): boolean => {
    if (child.issuer !== issuer.subject || budget <= 0) return false;
    budget--;
    try {
      return child.verify(issuer.publicKey);
    } catch {
      return false;
    }
  };
  const extend = (path: X509Certificate[]): X509Certificate[] | undefined => {
    const current = path[path.length - 1];
    if (anchors.some((anchor) => anchor.raw.equals(current.raw))) return path;
    const anchor = anchors.find((candidate) => issued(current, candidate));
    if (anchor) return [...path, anchor];
    if (path.length >= MAX_DEPTH) return undefined;
    for (const next of candidates) {
      if (path.some((cert) => cert.raw.equals(next.raw)) || !issued(current, next)) continue;
      const found = extend([...path, next]);
      if (found) return found;
    }
    return undefined;
  };
  return extend([leaf]);
}

/**
 * RFC 5280 §4.2.1.3/§4.2.1.9 on a built path: every issuer is a CA allowed to sign certificates, within its path
 * length; the leaf may sign with `leafUsages` (any of them) when it restricts its key usage.
 */
export function pathConstraintProblem(path: X509Certificate[], leafUsages: number[]): LocalizedText | undefined {
  const [leaf, ...issuers] = path;
  if (!allowsKeyUsage(leaf, ...leafUsages)) {
    return { vi: 'Mục đích sử dụng khóa của chứng thư không cho phép ký', en: 'The certificate key usage does not allow signing' };
  }
  for (const [at, issuer] of issuers.entries()) {
    const name = issuer.subject.replaceAll('\n', ', ');
    if (!issuer.ca || !allowsKeyUsage(issuer, KeyUsageBit.keyCertSign)) {
      return { vi: `Chứng thư ${name} không phải của tổ chức chứng thực`, en: `${name} is not a CA allowed to sign certificates` };
    }
    const below = at; // intermediate CAs between this issuer and the leaf
    const limit = certificateFacts(issuer).pathLength;
    if (limit !== undefined && below > limit) {
      return { vi: `Vượt quá độ dài đường dẫn cho phép của ${name}`, en: `The path exceeds the path length allowed by ${name}` };
    }
  }
  return undefined;
}

export type ValidityProblem = { cert: X509Certificate; problem: 'expired' | 'not-yet-valid' };

/** The first certificate of the path (leaf first) that is not within its validity period at `at`. */
export function validityProblem(path: X509Certificate[], at: Date): ValidityProblem | undefined {
  for (const cert of path) {
    if (at < new Date(cert.validFrom)) return { cert, problem: 'not-yet-valid' };
    if (at > new Date(cert.validTo)) return { cert, problem: 'expired' };
  }
  return undefined;
}
