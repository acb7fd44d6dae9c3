import { Oid } from '../oids.js';

/** The message-imprint hashes the TSA accepts: SHA-1 and MD5 imprints are refused as `badAlg`. */
export type TimeStampHash = 'sha256' | 'sha384' | 'sha512';

export const timeStampHashes: Record<TimeStampHash, { oid: string; length: number }> = {
  sha256: { oid: Oid.sha256, length: 32 },
  sha384: { oid: Oid.sha384, length: 48 },
  sha512: { oid: Oid.sha512, length: 64 },
};

export function timeStampHashOf(oid: string): TimeStampHash | undefined {
  return (Object.keys(timeStampHashes) as TimeStampHash[]).find((name) => timeStampHashes[name].oid === oid);
}
