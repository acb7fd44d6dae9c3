import * as pkijs from 'pkijs';
import { Oid } from '../oids.js';

/**
 * Why a certificate may not sign time-stamp tokens, or undefined if it may: RFC 3161 §2.3 asks for an extended key
 * usage extension that is critical and holds id-kp-timeStamping alone (OpenSSL's `ts -verify` checks the same).
 */
export function timeStampingProblem(certDer: Uint8Array): string | undefined {
  const cert = pkijs.Certificate.fromBER(certDer);
  const eku = cert.extensions?.find((extension) => extension.extnID === Oid.extKeyUsage);
  if (!eku) return 'the certificate has no extended key usage';
  if (!eku.critical) return 'the extended key usage is not critical';
  const purposes = (eku.parsedValue as pkijs.ExtKeyUsage | undefined)?.keyPurposes ?? [];
  if (purposes.length !== 1 || purposes[0] !== Oid.kpTimeStamping) return 'id-kp-timeStamping must be the only extended key usage';
  return undefined;
}
