import { Scopes, type Scope } from '@edu/auth';
import { DomainError } from '@edu/errors';
import type { EntityManager } from '@edu/persistence';
import { isS256Challenge } from './pkce.js';

const KNOWN_SCOPES: readonly string[] = Object.values(Scopes);

const pageError = (code: string, field: string, en: string, vi: string) => new DomainError(code, 'invalid', { vi, en }, field);

/**
 * A refusal once the redirect URI is known to be the client's own: sent back to it with `error` and `state`
 * (RFC 6749 §4.1.2.1). Before that, refusals are shown on identity's own page and never redirect.
 */
export class AuthorizeRedirect extends Error {
  constructor(readonly location: string) {
    super('authorization request refused');
  }
}

/** An authorization request (RFC 6749 §4.1.1 with RFC 7636 PKCE, S256 only), validated on resolution. */
export class AuthorizeRequest {
  private constructor(
    readonly clientId: string,
    readonly redirectUri: string,
    readonly state: string | null,
    readonly codeChallenge: string,
    readonly scopes: Scope[] | null,
  ) {}

  static async resolve(em: EntityManager, params: Record<string, unknown>): Promise<AuthorizeRequest> {
    // Parameters must not repeat (§3.1): a repeated one arrives as an array and counts as missing.
    const one = (name: string) => (typeof params[name] === 'string' && params[name] ? (params[name] as string) : null);
    const clientId = one('client_id');
    const [client] = clientId
      ? await em.query('SELECT redirect_uris, disabled FROM api_clients WHERE client_id = $1', [clientId])
      : [];
    if (!client || client.disabled || !client.redirect_uris.length)
      throw pageError('IDENTITY.INVALID_CLIENT', 'client_id', 'Unknown client, or a client that may not sign users in', 'Ứng dụng không tồn tại hoặc không được phép đăng nhập người dùng');
    const redirectUri = one('redirect_uri');
    if (!redirectUri || !(client.redirect_uris as string[]).includes(redirectUri))
      throw pageError('IDENTITY.INVALID_REDIRECT_URI', 'redirect_uri', 'redirect_uri is not one the client registered', 'redirect_uri không nằm trong danh sách ứng dụng đã đăng ký');
    const state = one('state');
    const refuse = (error: string, description: string) => {
      throw new AuthorizeRedirect(withParams(redirectUri, { error, error_description: description, ...(state ? { state } : {}) }));
    };
    if (state && state.length > 512) refuse('invalid_request', 'state is longer than 512 characters');
    if (one('response_type') !== 'code') refuse('unsupported_response_type', 'response_type must be code');
    if (one('code_challenge_method') !== 'S256') refuse('invalid_request', 'PKCE is required: code_challenge_method=S256');
    const challenge = one('code_challenge');
    if (!isS256Challenge(challenge)) refuse('invalid_request', 'code_challenge must be a base64url SHA-256 (43 characters)');
    const scope = one('scope');
    const scopes = scope ? scope.trim().split(/\s+/) : null;
    if (scopes?.some((s) => !KNOWN_SCOPES.includes(s))) refuse('invalid_scope', `scope must be among ${KNOWN_SCOPES.join(' ')}`);
    return new AuthorizeRequest(clientId!, redirectUri, state, challenge as string, scopes as Scope[] | null);
  }

  /** The request itself, carried by the login form's hidden fields. */
  fields(): Record<string, string> {
    return {
      response_type: 'code',
      client_id: this.clientId,
      redirect_uri: this.redirectUri,
      code_challenge: this.codeChallenge,
      code_challenge_method: 'S256',
      ...(this.state ? { state: this.state } : {}),
      ...(this.scopes ? { scope: this.scopes.join(' ') } : {}),
    };
  }

  /** Where the browser goes back to, with `params` and the client's state. */
  redirectWith(params: Record<string, string>): string {
    return withParams(this.redirectUri, { ...params, ...(this.state ? { state: this.state } : {}) });
  }
}

function withParams(uri: string, params: Record<string, string>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}
