import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { memoryHardWork } from '@edu/crypto';

/** scrypt is memory-hard: a stolen table of hashes costs an attacker memory as well as time per guess. */
const PARAMS: ScryptOptions & { N: number; r: number; p: number } = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** A well-formed hash no secret matches: verified against for unknown clients so timing hides which ids exist. */
export const UNMATCHABLE_SECRET_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA';

function derive(secret: string, salt: Buffer, params = PARAMS): Promise<Buffer> {
  return memoryHardWork.run(
    () => new Promise((resolve, reject) => scrypt(secret, salt, KEY_LENGTH, params, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function hashClientSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(secret, salt);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyClientSecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(secret, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), maxmem: PARAMS.maxmem });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
