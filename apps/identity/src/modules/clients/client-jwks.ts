import { importJWK, type JWK } from 'jose';
import { ClientErrors } from './client-errors.js';

/** Algorithms a client may sign its private_key_jwt assertions with. */
export const ASSERTION_ALGORITHMS = ['RS256', 'PS256', 'ES256'] as const;
export type AssertionAlgorithm = (typeof ASSERTION_ALGORITHMS)[number];

const MAX_KEYS = 5;

export const isAssertionAlgorithm = (alg: unknown): alg is AssertionAlgorithm =>
  (ASSERTION_ALGORITHMS as readonly unknown[]).includes(alg);

/** True when `jwk` can verify signatures made with `alg`: RSA for RS256/PS256, EC P-256 for ES256. */
export function keyFitsAlgorithm(jwk: JWK, alg: AssertionAlgorithm): boolean {
  if (jwk.alg !== undefined && jwk.alg !== alg) return false;
  return alg === 'ES256' ? jwk.kty === 'EC' && jwk.crv === 'P-256' : jwk.kty === 'RSA';
}

/**
 * A client's public keys, checked: a JWKS of 1–5 keys, each with its own kid, RSA of at least 2048 bits or EC P-256,
 * public members only. Returns the keys reduced to those members.
 */
export async function validateClientJwks(input: unknown): Promise<{ keys: JWK[] }> {
  const keys = (input as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length < 1 || keys.length > MAX_KEYS)
    throw ClientErrors.invalidJwks('jwks.keys', `jwks must be {"keys": [...]} with 1 to ${MAX_KEYS} keys`, `jwks phải có dạng {"keys": [...]} với 1 đến ${MAX_KEYS} khóa`);
  const kids = new Set<string>();
  const out: JWK[] = [];
  for (const [i, raw] of keys.entries()) {
    const field = `jwks.keys[${i}]`;
    const jwk = (raw ?? {}) as JWK;
    const bad = (what: string, en: string, vi: string) => ClientErrors.invalidJwks(`${field}.${what}`, en, vi);
    if (typeof jwk.kid !== 'string' || !/^[\w.:-]{1,128}$/.test(jwk.kid))
      throw bad('kid', 'every key needs a kid (letters, digits, . _ : -, at most 128)', 'mỗi khóa cần kid (chữ, số, . _ : -, tối đa 128 ký tự)');
    if (kids.has(jwk.kid)) throw bad('kid', `kid ${jwk.kid} appears twice`, `kid ${jwk.kid} bị trùng`);
    kids.add(jwk.kid);
    if ('d' in jwk || 'p' in jwk) throw bad('d', 'only public keys may be registered', 'chỉ được đăng ký khóa công khai');
    if (jwk.use !== undefined && jwk.use !== 'sig') throw bad('use', 'use must be sig', 'use phải là sig');
    if (jwk.alg !== undefined && !isAssertionAlgorithm(jwk.alg))
      throw bad('alg', `alg must be one of ${ASSERTION_ALGORITHMS.join(', ')}`, `alg phải là một trong ${ASSERTION_ALGORITHMS.join(', ')}`);
    const pub = publicMembers(jwk);
    if (!pub) throw bad('kty', 'keys must be RSA or EC P-256', 'khóa phải là RSA hoặc EC P-256');
    if (pub.kty === 'RSA' && Buffer.from(pub.n!, 'base64url').length * 8 < 2048)
      throw bad('n', 'RSA keys must have at least 2048 bits', 'khóa RSA phải có ít nhất 2048 bit');
    try {
      await importJWK(pub, pub.alg ?? (pub.kty === 'RSA' ? 'RS256' : 'ES256'));
    } catch {
      throw bad('kty', 'the key cannot be read', 'không đọc được khóa');
    }
    out.push(pub);
  }
  return { keys: out };
}

function publicMembers(jwk: JWK): JWK | null {
  const common = { kid: jwk.kid, ...(jwk.alg ? { alg: jwk.alg } : {}), ...(jwk.use ? { use: jwk.use } : {}) };
  if (jwk.kty === 'RSA' && typeof jwk.n === 'string' && typeof jwk.e === 'string') return { kty: 'RSA', n: jwk.n, e: jwk.e, ...common };
  if (jwk.kty === 'EC' && jwk.crv === 'P-256' && typeof jwk.x === 'string' && typeof jwk.y === 'string')
    return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, ...common };
  return null;
}
