import type { ClientRole } from '@edu/auth';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { ClientAssertionVerifier } from './client-assertion.js';
import { ClientErrors } from './client-errors.js';
import { UNMATCHABLE_SECRET_HASH, verifyClientSecret } from './client-secret.js';
import type { AuthMethod } from './client-views.js';
import { SecretVerificationCache } from './secret-verification-cache.js';

/** What a token request presents: a secret, an assertion, or (a public client) its id alone. */
export interface ClientCredentials {
  clientId: string;
  secret?: string;
  assertion?: string;
}

export interface AuthenticatedClient {
  clientId: string;
  org: string;
  role: ClientRole;
  scopes: string[];
  authMethod: AuthMethod;
  redirectUris: string[];
}

interface ClientRow {
  client_id: string;
  org_code: string;
  role: ClientRole;
  scopes: string[];
  disabled: boolean;
  org_status: string;
  auth_method: AuthMethod;
  secret_hash: string | null;
  previous_hash: string | null;
  jwks: { keys: JWK[] } | null;
  redirect_uris: string[];
}

/** Authenticates a client at the token endpoint by the method it was registered with. */
@Injectable()
export class ClientAuthenticator {
  constructor(
    @Inject(ClientAssertionVerifier) private readonly assertions: ClientAssertionVerifier,
    @Inject(SecretVerificationCache) private readonly verified: SecretVerificationCache,
  ) {}

  async authenticate(em: EntityManager, creds: ClientCredentials): Promise<AuthenticatedClient> {
    const [row]: ClientRow[] = await em.query(
      `SELECT c.client_id, c.org_code, c.role, c.scopes, c.disabled, c.auth_method, c.secret_hash, c.jwks, c.redirect_uris,
              CASE WHEN c.previous_secret_until > now() THEN c.previous_secret_hash END AS previous_hash, o.status AS org_status
         FROM api_clients c JOIN organisations o ON o.code = c.org_code WHERE c.client_id = $1`,
      [creds.clientId],
    );
    if (creds.secret !== undefined) await this.checkSecret(row, creds.secret);
    else if (!row) throw ClientErrors.invalidClient('UNKNOWN_CLIENT');
    else if (creds.assertion !== undefined) {
      if (row.auth_method !== 'private_key_jwt') throw ClientErrors.invalidClient('WRONG_AUTH_METHOD');
      await this.assertions.verify(em, row.client_id, row.jwks, creds.assertion);
    } else if (row.auth_method !== 'none') throw ClientErrors.invalidClient('WRONG_AUTH_METHOD');
    if (row.disabled) throw ClientErrors.invalidClient('CLIENT_DISABLED');
    // A closed or merged organisation's clients stop at once, without waiting for anyone to disable them.
    if (row.org_status !== 'ACTIVE') throw ClientErrors.invalidClient('ORGANISATION_INACTIVE');
    return {
      clientId: row.client_id,
      org: row.org_code,
      role: row.role,
      scopes: row.scopes,
      authMethod: row.auth_method,
      redirectUris: row.redirect_uris,
    };
  }

  /** The current secret, or during the overlap after a rotation the previous one. */
  private async checkSecret(row: ClientRow | undefined, secret: string): Promise<void> {
    if (!row || row.auth_method !== 'client_secret_basic' || !row.secret_hash) {
      // Hash anyway, so timing does not reveal which client ids exist.
      await verifyClientSecret(secret, UNMATCHABLE_SECRET_HASH);
      throw ClientErrors.invalidClient(row ? 'WRONG_AUTH_METHOD' : 'UNKNOWN_CLIENT');
    }
    for (const stored of [row.secret_hash, row.previous_hash]) {
      if (!stored) continue;
      const key = SecretVerificationCache.key(row.client_id, secret, stored);
      if (this.verified.has(key)) return;
      if (await verifyClientSecret(secret, stored)) return this.verified.remember(key, row.client_id);
    }
    throw ClientErrors.invalidClient('WRONG_SECRET');
  }
}
