import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthErrors } from './auth-errors.js';
import { isRole, type Principal } from './principal.js';

export const TOKEN_ISSUER = 'edu-interop-identity';
export const TOKEN_AUDIENCE = 'edu-interop';

/** A key set that can be fetched again on demand, as jose's remote JWKS can. */
export type IdentityKeys = JWTVerifyGetKey & { reload?: () => Promise<void> };

/** Identity's JWKS, fetched on first use and kept for ten minutes (jose's createRemoteJWKSet). */
export function remoteJwks(identityUrl: string): IdentityKeys {
  return createRemoteJWKSet(new URL('/.well-known/jwks.json', identityUrl));
}

/**
 * Verifies identity's ES256 access tokens against its JWKS. A token whose kid the cached set lacks means identity
 * rotated its key: the set is fetched again and the token checked once more. jose alone would refuse such a token
 * for 30 s after any fetch (its cooldown); here the refetch waits out only `refetchIntervalMs` since the previous one,
 * which also bounds how often tokens with made-up kids can make a verifier call identity. Every key that signed a
 * live token stays published, so tokens of the old and the new key both verify during the overlap.
 */
/** Verified tokens remembered, so a client's many requests with one token cost one ES256 verification. */
const VERIFIED_CAPACITY = 4_096;
const VERIFIED_MAX_MS = 5 * 60_000;

export class TokenVerifier {
  private lastRefetch = 0;
  private refetching?: Promise<void>;
  /** token → its principal, until the token expires (at most five minutes); oldest dropped first beyond capacity. */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();

  constructor(
    identityUrl: string,
    private readonly keys: IdentityKeys = remoteJwks(identityUrl),
    private readonly refetchIntervalMs = 1_000,
  ) {}

  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && known.until > Date.now()) return known.principal;
    this.verified.delete(token);
    try {
      return await this.check(token);
    } catch (err) {
      if (!(err instanceof errors.JWKSNoMatchingKey) || !this.keys.reload) throw this.refusal(err);
    }
    try {
      await this.refetch();
      return await this.check(token);
    } catch (err) {
      throw this.refusal(err);
    }
  }

  private async check(token: string): Promise<Principal> {
    const { payload } = await jwtVerify(token, this.keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ['ES256'] });
    const role = payload.role;
    if (typeof payload.sub !== 'string' || typeof payload.org !== 'string' || !isRole(role)) throw AuthErrors.tokenInvalid();
    const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
    const personId = typeof payload.person_id === 'string' && payload.person_id ? payload.person_id : undefined;
    const principal: Principal = { clientId: payload.sub, org: payload.org, role, scopes, ...(personId ? { personId } : {}) };
    this.remember(token, principal, typeof payload.exp === 'number' ? payload.exp * 1000 : Date.now());
    return principal;
  }

  private remember(token: string, principal: Principal, expiresAt: number): void {
    const until = Math.min(expiresAt, Date.now() + VERIFIED_MAX_MS);
    if (until <= Date.now()) return;
    if (this.verified.size >= VERIFIED_CAPACITY) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { principal, until });
  }

  /** One fetch at a time, at most one per interval; callers arriving meanwhile wait for it. */
  private refetch(): Promise<void> {
    this.refetching ??= (async () => {
      const wait = this.lastRefetch + this.refetchIntervalMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      this.lastRefetch = Date.now();
      await this.keys.reload!();
    })().finally(() => (this.refetching = undefined));
    return this.refetching;
  }

  private refusal(err: unknown): unknown {
    if (err instanceof errors.JWTExpired) return AuthErrors.tokenExpired();
    if (err instanceof errors.JOSEError || err instanceof TypeError) return AuthErrors.tokenInvalid();
    return err;
  }
}
