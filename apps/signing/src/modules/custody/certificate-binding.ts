import { createPublicKey, X509Certificate } from 'node:crypto';

export interface IssuedSealCertificate {
  certificatePem: string;
  /** Issuing CA first, then the root. */
  chainPem: string[];
}

/**
 * Why a certificate identity sent back cannot be bound to our pending key, or null when it can. The public key must
 * be ours (else identity certified someone else's key, or a stale request) and the issuing CA must have signed it.
 */
export function certificateBindingProblem(issued: IssuedSealCertificate, publicKeyPem: string): string | null {
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(issued.certificatePem);
  } catch {
    return 'certificate is not a valid X.509 PEM';
  }
  if (!sameSpki(cert, publicKeyPem)) return 'certificate public key differs from the pending key';
  if (cert.ca) return 'certificate is a CA certificate';
  const [issuingPem] = issued.chainPem;
  if (!issuingPem) return 'chain is empty';
  try {
    const issuing = new X509Certificate(issuingPem);
    if (!cert.checkIssued(issuing) || !cert.verify(issuing.publicKey)) return 'certificate was not issued by the first chain certificate';
  } catch {
    return 'chain holds an invalid certificate';
  }
  return null;
}

function sameSpki(cert: X509Certificate, publicKeyPem: string): boolean {
  const der = (k: ReturnType<typeof createPublicKey>) => k.export({ type: 'spki', format: 'der' });
  try {
    return der(cert.publicKey).equals(der(createPublicKey(publicKeyPem)));
  } catch {
    return false;
  }
}
