import { argon2, randomBytes, timingSafeEqual, type Argon2Parameters } from 'node:crypto';
import { memoryHardWork } from './memory-hard-work.js';

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
const COST = { memory: 19 * 1024, passes: 2, parallelism: 1 };
const TAG_LENGTH = 32;
const PHC = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{22,})\$([A-Za-z0-9+/]{43,})$/;

/** A well-formed hash no password matches: checked for unknown users so timing hides which usernames exist. */
export const UNMATCHABLE_PASSWORD_HASH = `$argon2id$v=19$m=${COST.memory},t=${COST.passes},p=${COST.parallelism}$${'A'.repeat(22)}$${'A'.repeat(43)}`;

function derive(password: string, params: Omit<Argon2Parameters, 'message' | 'tagLength'>): Promise<Buffer> {
  // NFC, so a name typed with combining diacritics (some Vietnamese keyboards) matches the precomposed one.
  const message = password.normalize('NFC');
  return memoryHardWork.run(
    () => new Promise((resolve, reject) => argon2('argon2id', { ...params, message, tagLength: TAG_LENGTH }, (err, key) => (err ? reject(err) : resolve(key)))),
  );
}

const b64 = (buf: Buffer) => buf.toString('base64').replace(/=+$/, '');

/** A PHC string: `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, readable by any argon2 library. */
export async function hashPassword(password: string): Promise<string> {
  const nonce = randomBytes(16);
  const tag = await derive(password, { ...COST, nonce });
  return `$argon2id$v=19$m=${COST.memory},t=${COST.passes},p=${COST.parallelism}$${b64(nonce)}$${b64(tag)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = PHC.exec(stored);
  if (!m) return false;
  const [memory, passes, parallelism] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (memory > 256 * 1024 || passes < 1 || parallelism < 1) return false;
  const expected = Buffer.from(m[5], 'base64');
  const actual = await derive(password, { memory, passes, parallelism, nonce: Buffer.from(m[4], 'base64') });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
