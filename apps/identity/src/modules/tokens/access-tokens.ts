import { TOKEN_AUDIENCE, TOKEN_ISSUER, type Role } from '@edu/auth';
import { Inject, Injectable } from '@nestjs/common';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';
import { TokenKeys } from './token-keys.js';

/** Whom a token is for: an API client (sub = client id) or a user signed in through a client (sub = user id). */
export interface TokenGrant {
  sub: string;
  clientId: string;
  org: string;
  role: Role;
  scopes: string[];
  /** A user's sector ID when the user is a person of the registry (teachers and principals sign in their own name). */
  personId?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

/** Signs access tokens as RFC 9068 JWTs (typ at+jwt) with the current token key. */
@Injectable()
export class AccessTokens {
  constructor(
    @Inject(TokenKeys) private readonly keys: TokenKeys,
    @Inject(IDENTITY_CONFIG) private readonly config: Pick<IdentityConfig, 'TOKEN_TTL_SECONDS'>,
  ) {}

  async issue(grant: TokenGrant): Promise<TokenResponse> {
    const { kid, privateKey } = this.keys.current();
    const scope = grant.scopes.join(' ');
    const accessToken = await new SignJWT({ org: grant.org, role: grant.role, scope, client_id: grant.clientId, ...(grant.personId ? { person_id: grant.personId } : {}) })
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt' })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setSubject(grant.sub)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime(`${this.config.TOKEN_TTL_SECONDS}s`)
      .sign(privateKey);
    return { access_token: accessToken, token_type: 'Bearer', expires_in: this.config.TOKEN_TTL_SECONDS, scope };
  }
}
