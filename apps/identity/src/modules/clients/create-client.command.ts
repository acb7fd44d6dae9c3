import type { JWK } from 'jose';
import { ClientErrors } from './client-errors.js';
import { validateClientJwks } from './client-jwks.js';
import { AUTH_METHODS, type AuthMethod } from './client-views.js';

const MAX_REDIRECT_URIS = 10;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** `POST /v1/clients`, validated on creation. The role and organisation are checked by the registry. */
export class CreateClientCommand {
  private constructor(
    readonly orgCode: string,
    readonly role: string,
    readonly authMethod: AuthMethod,
    readonly jwks: { keys: JWK[] } | undefined,
    readonly redirectUris: string[],
  ) {}

  static async from(body: unknown): Promise<CreateClientCommand> {
    const b = (body ?? {}) as Record<string, unknown>;
    const text = (name: string) => {
      if (typeof b[name] !== 'string' || !b[name]) throw ClientErrors.invalidField(name, `${name} is required`, `Thiếu ${name}`);
      return b[name] as string;
    };
    const authMethod = (b.authMethod ?? 'client_secret_basic') as AuthMethod;
    if (!AUTH_METHODS.includes(authMethod))
      throw ClientErrors.invalidField('authMethod', `authMethod must be one of ${AUTH_METHODS.join(', ')}`, `authMethod phải là một trong ${AUTH_METHODS.join(', ')}`);
    if (b.jwksUri !== undefined)
      throw ClientErrors.invalidField('jwksUri', 'jwksUri is not supported: register the public keys inline as jwks', 'Không hỗ trợ jwksUri: hãy đăng ký khóa công khai trực tiếp trong jwks');
    if ((authMethod === 'private_key_jwt') !== (b.jwks !== undefined))
      throw ClientErrors.invalidField('jwks', 'jwks is required for private_key_jwt and only for it', 'jwks bắt buộc với private_key_jwt và chỉ dùng cho nó');
    const jwks = b.jwks === undefined ? undefined : await validateClientJwks(b.jwks);
    const redirectUris = redirectUrisFrom(b.redirectUris);
    if (authMethod === 'none' && !redirectUris.length)
      throw ClientErrors.invalidField('redirectUris', 'a public client (authMethod none) needs its redirect URIs', 'Ứng dụng công khai (authMethod none) cần redirectUris');
    return new CreateClientCommand(text('orgCode'), text('role'), authMethod, jwks, redirectUris);
  }
}

/** Exact redirect URIs (compared as strings at authorization): https, or http on the loopback; no fragment. */
function redirectUrisFrom(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > MAX_REDIRECT_URIS)
    throw ClientErrors.invalidField('redirectUris', `redirectUris must be a list of at most ${MAX_REDIRECT_URIS} URLs`, `redirectUris phải là danh sách tối đa ${MAX_REDIRECT_URIS} URL`);
  return value.map((uri, i) => {
    const url = typeof uri === 'string' && uri.length <= 2000 && URL.canParse(uri) ? new URL(uri) : null;
    const ok = url && !url.hash && !uri.includes('#') && (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname)));
    if (!ok)
      throw ClientErrors.invalidField(`redirectUris[${i}]`, 'a redirect URI must be an https URL (http only on 127.0.0.1 or localhost) without a fragment',
        'redirect URI phải là URL https (http chỉ với 127.0.0.1 hoặc localhost), không có phần #');
    return uri as string;
  });
}
