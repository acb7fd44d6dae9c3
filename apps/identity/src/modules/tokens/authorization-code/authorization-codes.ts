import { ROLE_SCOPES, type UserRole } from '@edu/auth';
import { DomainError } from '@edu/errors';
import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import type { AuthenticatedClient } from '../../clients/client-authenticator.js';
import type { TokenGrant } from '../access-tokens.js';
import { verifierMatches } from './pkce.js';

export const CODE_TTL_SECONDS = 60;

export interface NewCode {
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
}

const invalidGrant = (field: string, en: string, vi: string) => new DomainError('IDENTITY.INVALID_GRANT', 'invalid', { vi, en }, field);
const hashOf = (code: string) => createHash('sha256').update(code).digest('base64url');

/**
 * Authorization codes: random, stored only as hashes, good for one redemption within 60 s, bound to the client, the
 * redirect URI and the PKCE challenge. A redemption burns the code whatever its outcome.
 */
@Injectable()
export class AuthorizationCodes {
  async issue(em: EntityManager, c: NewCode): Promise<string> {
    const code = randomBytes(32).toString('base64url');
    await em.query(
      `INSERT INTO authorization_codes (code_hash, client_id, user_id, redirect_uri, code_challenge, scopes, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() + make_interval(secs => $7))`,
      [hashOf(code), c.clientId, c.userId, c.redirectUri, c.codeChallenge, c.scopes, CODE_TTL_SECONDS],
    );
    return code;
  }

  async redeem(em: EntityManager, client: AuthenticatedClient, g: { code: string; redirectUri: string; codeVerifier: string }): Promise<TokenGrant> {
    const [[row]] = await em.query(
      `UPDATE authorization_codes a SET used_at = now() FROM users u
        WHERE a.code_hash = $1 AND a.used_at IS NULL AND u.user_id = a.user_id
        RETURNING a.client_id, a.redirect_uri, a.code_challenge, a.scopes, a.expires_at > now() AS live,
                  u.user_id, u.org_code, u.role, u.person_id, u.disabled`,
      [hashOf(g.code)],
    );
    if (!row) throw invalidGrant('code', 'The code is unknown or was already used', 'Mã ủy quyền không tồn tại hoặc đã được dùng');
    if (!row.live) throw invalidGrant('code', `The code has expired (codes live ${CODE_TTL_SECONDS} s)`, `Mã ủy quyền đã hết hạn (${CODE_TTL_SECONDS} giây)`);
    if (row.client_id !== client.clientId) throw invalidGrant('client_id', 'The code was issued to another client', 'Mã ủy quyền được cấp cho ứng dụng khác');
    if (row.redirect_uri !== g.redirectUri) throw invalidGrant('redirect_uri', 'redirect_uri differs from the authorization request', 'redirect_uri khác với yêu cầu ủy quyền');
    if (!verifierMatches(g.codeVerifier, row.code_challenge))
      throw invalidGrant('code_verifier', 'code_verifier does not match the code challenge', 'code_verifier không khớp với code_challenge');
    if (row.disabled) throw invalidGrant('code', 'The user is disabled', 'Người dùng đã bị khóa');
    const role = row.role as UserRole;
    // The role may have changed since sign-in: grant only what it allows now.
    const scopes = (row.scopes as string[]).filter((s) => (ROLE_SCOPES[role] as string[]).includes(s));
    return { sub: row.user_id, clientId: client.clientId, org: row.org_code, role, scopes, personId: row.person_id ?? undefined };
  }

  /** Forgets codes past their minute: redeeming one would fail as unknown just the same. */
  async purge(em: EntityManager): Promise<number> {
    const [, count] = await em.query('DELETE FROM authorization_codes WHERE expires_at < now()');
    return count;
  }
}
