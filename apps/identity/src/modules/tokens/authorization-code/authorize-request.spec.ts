import type { EntityManager } from '@edu/persistence';
import { describe, expect, it } from 'vitest';
import { AuthorizeRedirect, AuthorizeRequest } from './authorize-request.js';
import { errorPage, loginPage } from './login-page.js';
import { s256Challenge } from './pkce.js';

const CB = 'https://console.edu.vn/cb';
/** The clients table's answer, in memory. */
const em = {
  query: async (_sql: string, [id]: string[]) =>
    ({ console: [{ redirect_uris: [CB], disabled: false }], off: [{ redirect_uris: [CB], disabled: true }], api: [{ redirect_uris: [], disabled: false }] })[id] ?? [],
} as unknown as EntityManager;
const good = { response_type: 'code', client_id: 'console', redirect_uri: CB, state: 'xyz', code_challenge: s256Challenge('v'.repeat(43)), code_challenge_method: 'S256' };
const outcome = (params: Record<string, unknown>) =>
  AuthorizeRequest.resolve(em, params).then(
    (r) => r,
    (e) => (e instanceof AuthorizeRedirect ? { redirect: Object.fromEntries(new URL(e.location).searchParams) } : { page: e.code }),
  );

describe('AuthorizeRequest', () => {
  it('takes a well-formed request and carries it in hidden fields', async () => {
    const r = (await AuthorizeRequest.resolve(em, { ...good, scope: 'documents:read' }));
    expect(r.fields()).toMatchObject({ client_id: 'console', redirect_uri: CB, state: 'xyz', scope: 'documents:read', code_challenge_method: 'S256' });
    expect(r.redirectWith({ code: 'abc' })).toBe(`${CB}?code=abc&state=xyz`);
  });

  it('never redirects for an unknown client or redirect URI: those get the error page', async () => {
    expect(await outcome({ ...good, client_id: 'nobody' })).toEqual({ page: 'IDENTITY.INVALID_CLIENT' });
    expect(await outcome({ ...good, client_id: 'off' })).toEqual({ page: 'IDENTITY.INVALID_CLIENT' });
    expect(await outcome({ ...good, client_id: 'api' })).toEqual({ page: 'IDENTITY.INVALID_CLIENT' });
    expect(await outcome({ ...good, redirect_uri: 'https://evil.example/cb' })).toEqual({ page: 'IDENTITY.INVALID_REDIRECT_URI' });
    expect(await outcome({ ...good, redirect_uri: `${CB}/` })).toEqual({ page: 'IDENTITY.INVALID_REDIRECT_URI' });
    expect(await outcome({ ...good, redirect_uri: [CB, CB] })).toEqual({ page: 'IDENTITY.INVALID_REDIRECT_URI' });
  });

  it('sends other refusals back to the client with error and state', async () => {
    expect(await outcome({ ...good, response_type: 'token' })).toEqual({ redirect: { error: 'unsupported_response_type', error_description: expect.any(String), state: 'xyz' } });
    expect(await outcome({ ...good, code_challenge_method: 'plain' })).toMatchObject({ redirect: { error: 'invalid_request' } });
    expect(await outcome({ ...good, code_challenge: undefined, code_challenge_method: undefined })).toMatchObject({ redirect: { error: 'invalid_request' } });
    expect(await outcome({ ...good, code_challenge: 'short' })).toMatchObject({ redirect: { error: 'invalid_request' } });
    expect(await outcome({ ...good, scope: 'documents:read admin' })).toMatchObject({ redirect: { error: 'invalid_scope', state: 'xyz' } });
  });
});

describe('the sign-in page', () => {
  it('escapes everything it echoes and carries no secret', () => {
    const html = loginPage({ client_id: '<script>alert(1)</script>', state: '"><img src=x>' }, { username: "o'neil<", error: { vi: 'Sai <b>', en: 'Wrong <b>' } });
    expect(html).not.toMatch(/<script>|<img|<b>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('value="&quot;&gt;&lt;img src=x&gt;"');
    expect(html).toContain('value="o&#39;neil&lt;"');
    expect(html.indexOf('Đăng nhập')).toBeLessThan(html.indexOf('Sign in'));
    expect(html).toMatch(/type="password"/);
    expect(errorPage({ code: 'X.Y', text: { vi: '<a>', en: '<a>' } })).not.toContain('<a>');
  });
});
