import { DomainError } from '@edu/errors';
import { decodeJwt } from 'jose';
import { AssertionErrors } from '../clients/assertion-errors.js';
import type { ClientCredentials } from '../clients/client-authenticator.js';

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

const invalidRequest = (en: string, vi: string, field: string) =>
  new DomainError('IDENTITY.INVALID_TOKEN_REQUEST', 'invalid', { vi, en }, field);

export type Grant =
  | { type: 'client_credentials'; scope: string[] | null }
  | { type: 'authorization_code'; code: string; redirectUri: string; codeVerifier: string };

/**
 * A token request (RFC 6749 §4.4 client credentials, §4.1.3 authorization code with RFC 7636 PKCE), validated on
 * creation. The client authenticates with one method: client_secret_basic (or the secret in the form),
 * private_key_jwt (RFC 7523), or, a public client redeeming a code, its client_id alone.
 */
export class IssueTokenCommand {
  private constructor(
    readonly credentials: ClientCredentials,
    readonly grant: Grant,
  ) {}

  static from(body: Record<string, unknown> | undefined, authorization: string | undefined): IssueTokenCommand {
    const b = body ?? {};
    if (b.grant_type !== 'client_credentials' && b.grant_type !== 'authorization_code')
      throw new DomainError('IDENTITY.UNSUPPORTED_GRANT_TYPE', 'invalid', {
        vi: 'Chỉ hỗ trợ grant_type=client_credentials hoặc authorization_code',
        en: 'Only grant_type=client_credentials or authorization_code is supported',
      }, 'grant_type');
    const credentials = credentialsFrom(b, authorization);
    if (b.grant_type === 'client_credentials') {
      if (credentials.secret === undefined && credentials.assertion === undefined)
        throw invalidRequest('client_secret is required', 'Thiếu client_secret', 'client_secret');
      const scope = typeof b.scope === 'string' && b.scope.trim() ? b.scope.trim().split(/\s+/) : null;
      return new IssueTokenCommand(credentials, { type: 'client_credentials', scope });
    }
    const field = (name: string) => {
      if (typeof b[name] !== 'string' || !b[name]) throw invalidRequest(`${name} is required`, `Thiếu ${name}`, name);
      return b[name] as string;
    };
    return new IssueTokenCommand(credentials, {
      type: 'authorization_code',
      code: field('code'),
      redirectUri: field('redirect_uri'),
      codeVerifier: field('code_verifier'),
    });
  }
}

function credentialsFrom(b: Record<string, unknown>, authorization: string | undefined): ClientCredentials {
  const text = (name: string) => (typeof b[name] === 'string' && b[name] ? (b[name] as string) : undefined);
  const basic = authorization?.match(/^Basic\s+(\S+)$/i);
  const methods = [basic, text('client_secret'), text('client_assertion')].filter(Boolean).length;
  if (methods > 1)
    throw invalidRequest('use one client authentication method', 'Chỉ dùng một cách xác thực ứng dụng', 'authorization');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    try {
      if (colon < 0) throw new URIError('no colon');
      // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined.
      return required({ clientId: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) });
    } catch {
      throw invalidRequest('malformed Basic credentials', 'Thông tin xác thực Basic sai định dạng', 'authorization');
    }
  }
  const assertion = text('client_assertion');
  if (assertion === undefined) return required({ clientId: text('client_id') ?? '', secret: text('client_secret') });
  if (b.client_assertion_type !== CLIENT_ASSERTION_TYPE)
    throw invalidRequest(`client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`, `client_assertion_type phải là ${CLIENT_ASSERTION_TYPE}`, 'client_assertion_type');
  let issuer: unknown;
  try {
    issuer = decodeJwt(assertion).iss;
  } catch {
    throw AssertionErrors.malformed();
  }
  return required({ clientId: text('client_id') ?? (typeof issuer === 'string' ? issuer : ''), assertion });
}

function required(c: ClientCredentials): ClientCredentials {
  if (!c.clientId) throw invalidRequest('client_id is required', 'Thiếu client_id', 'client_id');
  if (c.secret === '') throw invalidRequest('client_secret is required', 'Thiếu client_secret', 'client_secret');
  return c;
}

