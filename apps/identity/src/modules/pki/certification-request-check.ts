import { CertificationRequestError, keyAlgorithmOf, readCertificationRequest, type CertificationRequestInfo } from '@edu/crypto';
import type { KeyObject } from 'node:crypto';
import { PkiErrors } from './pki-errors.js';

/**
 * Subject keys the CA certifies: RSA from 2048 bits (tokens' usual key; larger is slower but allowed up to 8192) and
 * ECDSA P-256. Other curves, Ed25519 and RSA-PSS-only keys are refused: not every verifier in the chain handles them.
 */
export function checkSubjectKey(key: KeyObject): void {
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  const allowed = (key.asymmetricKeyType === 'rsa' && bits >= 2048 && bits <= 8192) || keyAlgorithmOf(key) === 'EC-P256';
  if (!allowed) throw PkiErrors.keyNotAllowed(keyAlgorithmOf(key));
}

/** A CSR that proves possession of an acceptable key, or the 4xx that says why not. */
export function checkCertificationRequest(csrPem: string): CertificationRequestInfo {
  let info: CertificationRequestInfo;
  try {
    info = readCertificationRequest(csrPem);
  } catch (err) {
    if (!(err instanceof CertificationRequestError)) throw err;
    throw err.problem === 'malformed' ? PkiErrors.csrInvalid(err.message) : PkiErrors.csrSignatureInvalid(err.message);
  }
  checkSubjectKey(info.publicKey);
  return info;
}
