import type { X509Certificate } from 'node:crypto';

/** Longer paths than this are not something our PKI issues, and the bound stops loops in hostile bags of certs. */
const MAX_DEPTH = 6;

export type PathResult = { ok: true; path: X509Certificate[] } | { ok: false; reason: string };

/**
 * Builds and checks the path from `leaf` to one of `anchors` through `intermediates`, with OpenSSL doing each
 * signature check. Every certificate, anchor included, must be within its validity period at `at`.
 * Not covered: revocation (no CRL/OCSP yet), name constraints, policies and pathLenConstraint.
 */
export function validateCertificatePath(
  leaf: X509Certificate,
  intermediates: X509Certificate[],
  anchors: X509Certificate[],
  at: Date,
): PathResult {
  const path = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const timeProblem = validityProblem(current, at);
    if (timeProblem) return { ok: false, reason: timeProblem };
    if (anchors.some((anchor) => anchor.raw.equals(current.raw))) return { ok: true, path };

    const anchor = anchors.find((candidate) => issuedBy(current, candidate));
    if (anchor) {
      const anchorProblem = validityProblem(anchor, at);
      return anchorProblem ? { ok: false, reason: anchorProblem } : { ok: true, path: [...path, anchor] };
    }
    const next = intermediates.find((candidate) => !path.includes(candidate) && issuedBy(current, candidate));
    if (!next) return { ok: false, reason: `no path to a trusted CA from "${current.subject.replaceAll('\n', ', ')}"` };
    path.push(next);
    current = next;
  }
  return { ok: false, reason: 'certificate path is too long' };
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  // checkIssued matches names, key identifiers and the issuer's keyUsage; verify checks the signature itself.
  return issuer.ca && child.checkIssued(issuer) && child.verify(issuer.publicKey);
}

function validityProblem(cert: X509Certificate, at: Date): string | undefined {
  if (at < new Date(cert.validFrom)) return `certificate "${cert.subject.replaceAll('\n', ', ')}" is not yet valid`;
  if (at > new Date(cert.validTo)) return `certificate "${cert.subject.replaceAll('\n', ', ')}" has expired`;
  return undefined;
}
