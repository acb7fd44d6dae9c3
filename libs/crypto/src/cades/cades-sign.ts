import { hash } from 'node:crypto';
import type { CmsSigner } from '../cms-signer.js';
import type { TimeStampClient } from '../timestamp/time-stamp-client.js';

export interface CadesOptions {
  /** null leaves the signing-time attribute out (PAdES). */
  signingTime: Date | null;
  tsa: TimeStampClient;
  /** Certificate values beyond the signer's chain, e.g. the TSA's chain (DER). */
  certificates?: Buffer[];
  /** Revocation values: DER CRLs and DER OCSPResponses. */
  crls?: Buffer[];
  ocspResponses?: Buffer[];
}

/**
 * A detached CAdES signature at level B-LT (ETSI EN 319 122-1), or B-T when no revocation values are given: signs,
 * has the signature value time-stamped, and embeds the token and the validation data.
 */
export async function cadesSign(signer: CmsSigner, content: Buffer, options: CadesOptions): Promise<Buffer> {
  const prepared = signer.prepare(content, options.signingTime);
  const timeStampToken = await options.tsa.stamp(hash('sha256', prepared.signatureValue, 'buffer'));
  return signer.finish(prepared, {
    timeStampToken,
    certificates: options.certificates,
    crls: options.crls,
    ocspResponses: options.ocspResponses,
  });
}
