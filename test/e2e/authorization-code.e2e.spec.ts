import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, tokenFor } from '../support/api.js';
import { demoClient, URLS } from '../support/stack.js';

const REDIRECT = 'http://127.0.0.1:5173/callback';
const PASSWORD = 'hoa phượng đỏ sân trường';

/** The console's sign-in: authorization code with PKCE, through the browser-facing pages, redirects not followed. */
describe('authorization code + PKCE for the console', () => {
  let operator: string;
  let consoleId: string;
  let user: { userId: string; username: string };

  const verifier = () => randomBytes(32).toString('base64url');
  const challenge = (v: string) => createHash('sha256').update(v).digest('base64url');
  const authorizeParams = (v: string, overrides: Record<string, string> = {}) =>
    new URLSearchParams({ response_type: 'code', client_id: consoleId, redirect_uri: REDIRECT, scope: 'documents:read', state: 'st-123', code_challenge: challenge(v), code_challenge_method: 'S256', ...overrides });
  const page = (query: URLSearchParams) => fetch(`${URLS.identity}/oauth2/authorize?${query}`, { redirect: 'manual' });
  const signIn = (query: URLSearchParams, username: string, password: string) =>
    fetch(`${URLS.identity}/oauth2/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...Object.fromEntries(query), username, password }),
    });
  const redeem = (fields: Record<string, string>) =>
    call<{ access_token?: string; scope?: string; code?: string; field?: string }>('POST', '/oauth2/token', {
      base: URLS.identity,
      raw: new URLSearchParams({ grant_type: 'authorization_code', client_id: consoleId, redirect_uri: REDIRECT, ...fields }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  const codeFor = async (v: string) => {
    const res = await signIn(authorizeParams(v), user.username, PASSWORD);
    expect(res.status).toBe(303);
    return new URL(res.headers.get('location')!).searchParams.get('code')!;
  };

  beforeAll(async () => {
    operator = await tokenFor(demoClient('operator'));
    const created = await call<{ clientId: string; clientSecret?: string }>('POST', '/v1/clients', {
      base: URLS.identity, token: operator, body: { orgCode: '31000000', role: 'operator', authMethod: 'none', redirectUris: [REDIRECT] },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.clientSecret).toBeUndefined();
    consoleId = created.body.clientId;
    const made = await call<{ userId: string; username: string }>('POST', '/v1/users', {
      base: URLS.identity, token: operator, body: { username: `gvcn.${randomUUID().slice(0, 8)}`, orgCode: '31000101', role: 'teacher', password: PASSWORD },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    user = made.body;
  });

  it('signs a teacher in and gives the console a token for them, once per code', async () => {
    const v = verifier();
    const form = await page(authorizeParams(v));
    expect(form.status).toBe(200);
    expect(form.headers.get('content-type')).toMatch(/^text\/html/);
    expect(form.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    const html = await form.text();
    expect(html).toContain('Đăng nhập');
    expect(html).toContain(`name="code_challenge" value="${challenge(v)}"`);

    const res = await signIn(authorizeParams(v), user.username, PASSWORD);
    expect(res.status).toBe(303);
    const back = new URL(res.headers.get('location')!);
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('st-123');
    const code = back.searchParams.get('code')!;

    const token = await redeem({ code, code_verifier: v });
    expect(token.status, JSON.stringify(token.body)).toBe(200);
    expect(token.body.scope).toBe('documents:read');
    const claims = JSON.parse(Buffer.from(token.body.access_token!.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: user.userId, org: '31000101', role: 'teacher', scope: 'documents:read', client_id: consoleId });
    expect((await call('GET', '/v1/document-types', { token: token.body.access_token })).status).toBe(200);
    expect((await call('GET', '/v1/feed', { token: token.body.access_token })).status).toBe(403);

    const again = await redeem({ code, code_verifier: v });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'IDENTITY.INVALID_GRANT', field: 'code' });
  });

  it('refuses a wrong verifier or redirect URI, and burns the code', async () => {
    const v = verifier();
    const wrongVerifier = await redeem({ code: await codeFor(v), code_verifier: verifier() });
    expect(wrongVerifier.status).toBe(400);
    expect(wrongVerifier.body).toMatchObject({ code: 'IDENTITY.INVALID_GRANT', field: 'code_verifier' });
    const code = await codeFor(v);
    const wrongRedirect = await redeem({ code, code_verifier: v, redirect_uri: 'http://127.0.0.1:5173/other' });
    expect(wrongRedirect.body).toMatchObject({ code: 'IDENTITY.INVALID_GRANT', field: 'redirect_uri' });
    expect((await redeem({ code, code_verifier: v })).body).toMatchObject({ code: 'IDENTITY.INVALID_GRANT', field: 'code' });
  });

  it('never redirects to an unregistered URI, and sends other refusals back with the state', async () => {
    for (const query of [authorizeParams(verifier(), { redirect_uri: 'https://evil.example/cb' }), authorizeParams(verifier(), { client_id: 'nobody' })]) {
      const res = await page(query);
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toMatch(/IDENTITY\.INVALID_(REDIRECT_URI|CLIENT)/);
    }
    const plain = await page(authorizeParams(verifier(), { code_challenge_method: 'plain' }));
    expect(plain.status).toBe(303);
    expect(Object.fromEntries(new URL(plain.headers.get('location')!).searchParams)).toMatchObject({ error: 'invalid_request', state: 'st-123' });
  });

  it('shows a failed sign-in on the page, locks after five, and an operator unlocks', async () => {
    const query = authorizeParams(verifier());
    for (let i = 0; i < 4; i++) {
      const res = await signIn(query, user.username, 'not the password at all');
      expect(res.status).toBe(401);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('Sai tên đăng nhập hoặc mật khẩu');
    }
    const fifth = await signIn(query, user.username, 'not the password at all');
    expect(await fifth.text()).toContain('tạm bị khóa');
    const locked = await signIn(query, user.username, PASSWORD);
    expect(locked.status).toBe(401);
    const unlocked = await call<{ status: string }>('POST', `/v1/users/${user.userId}/unlock`, { base: URLS.identity, token: operator });
    expect(unlocked.body.status).toBe('ACTIVE');
    expect((await signIn(query, user.username, PASSWORD)).status).toBe(303);

    const audit = await call<{ items: Array<{ action: string; outcome: string; reason: string | null; remoteAddress: string }> }>(
      'GET', `/v1/audit?actor=${user.username}&action=login`, { base: URLS.identity, token: operator },
    );
    expect(audit.body.items.slice(-7).map((r) => r.reason ?? r.outcome)).toEqual([
      'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'WRONG_PASSWORD', 'LOCKED_OUT', 'LOCKED', 'GRANTED',
    ]);
    expect(audit.body.items[0].remoteAddress).toMatch(/127\.0\.0\.1/);
  });

  it('refuses weak passwords and unknown roles when creating users', async () => {
    const create = (body: Record<string, unknown>) => call<{ code: string; field: string }>('POST', '/v1/users', { base: URLS.identity, token: operator, body });
    expect((await create({ username: 'ngan.qua', orgCode: '31000101', role: 'teacher', password: 'short' })).body).toMatchObject({ code: 'IDENTITY.INVALID_USER_REQUEST', field: 'password' });
    expect((await create({ username: 'ai.do', orgCode: '31000101', role: 'admin', password: PASSWORD })).body).toMatchObject({ code: 'IDENTITY.UNKNOWN_ROLE', field: 'role' });
    expect((await create({ username: user.username, orgCode: '31000101', role: 'teacher', password: PASSWORD })).body).toMatchObject({ code: 'IDENTITY.USERNAME_TAKEN' });
  });
});
