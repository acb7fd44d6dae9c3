import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthErrors } from './auth-errors.js';
import type { Principal, Role } from './principal.js';

export const TOKEN_ISSUER = 'edu-interop-identity';
export const TOKEN_AUDIENCE = 'edu-interop';
const ROLES: Role[] = ['school', 'ministry', 'operator'];

/** Verifies identity's ES256 access tokens against its JWKS (fetched once, refreshed on an unknown kid). */
export class TokenVerifier {
  private readonly keys: JWTVerifyGetKey;

  constructor(identityUrl: string, keys?: JWTVerifyGetKey) {
    this.keys = keys ?? createRemoteJWKSet(new URL('/.well-known/jwks.json', identityUrl), { cooldownDuration: 5_000 });
  }

  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.keys, {
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        algorithms: ['ES256'],
      });
      const role = payload.role as Role;
      if (typeof payload.sub !== 'string' || typeof payload.org !== 'string' || !ROLES.includes(role))
        throw AuthErrors.tokenInvalid();
      const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
      return { clientId: payload.sub, org: payload.org, role, scopes };
    } catch (err) {
      if (err instanceof errors.JWTExpired) throw AuthErrors.tokenExpired();
      if (err instanceof errors.JOSEError || err instanceof TypeError) throw AuthErrors.tokenInvalid();
      throw err;
    }
  }
}
