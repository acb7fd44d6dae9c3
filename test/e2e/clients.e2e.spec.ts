import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { call, exampleFor, schoolToken, submit, tokenFor } from '../support/api.js';
import { demoClient, ROOT, URLS } from '../support/stack.js';

const run = promisify(execFile);

async function createClient(org: string, role: string) {
  const { stdout } = await run(`${ROOT}edu`, ['client', 'create', '--org', org, '--role', role], { cwd: ROOT, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { client_id: string; client_secret: string };
}

describe('./edu client create and what the new client may do', () => {
  it('registers a client whose token carries its organisation, and refuses an unknown organisation or role', async () => {
    const created = await createClient('31000101', 'school');
    expect(created.client_id).toMatch(/^school-31000101-/);
    expect(created.client_secret.length).toBeGreaterThanOrEqual(32);
    const token = await tokenFor({ role: 'school', org: '31000101', ...created });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ org: '31000101', role: 'school', scope: 'documents:submit documents:read', sub: created.client_id });

    await expect(createClient('99999999', 'school')).rejects.toMatchObject({ stderr: expect.stringContaining('IDENTITY.UNKNOWN_ORGANISATION') });
    await expect(createClient('31000101', 'admin')).rejects.toMatchObject({ stderr: expect.stringContaining('IDENTITY.UNKNOWN_ROLE') });
  });

  it('refuses a submission from an organisation that is not a school (a Phòng) with UNKNOWN_SCHOOL', async () => {
    const phong = await createClient('31020000', 'school');
    const token = await tokenFor({ role: 'school', org: '31020000', ...phong });
    const body = await exampleFor(await schoolToken(0));
    body.issuerCode = '31020000';
    (body.content.school as { code: string }).code = '31020000';
    const res = await submit(token, body);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('INTERCHANGE.UNKNOWN_SCHOOL');
    const example = await call<{ code: string }>('GET', '/v1/document-types/hoc-ba/example', { token });
    expect(example.body.code).toBe('INTERCHANGE.EXAMPLE_NEEDS_SCHOOL');
  });
});

/** The operators' client administration over HTTP, every step visible in the audit log. */
describe('client administration (/v1/clients)', () => {
  const admin = (method: string, path: string, token: string, body?: unknown) => call<Record<string, unknown>>(method, path, { base: URLS.identity, token, body });
  const tokenRequest = (clientId: string, secret: string) =>
    call<{ access_token?: string; code?: string }>('POST', '/oauth2/token', {
      base: URLS.identity,
      raw: 'grant_type=client_credentials',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}` },
    });

  it('creates a client, rotates its secret with an overlap, disables it at once, and audits every step', async () => {
    const operator = await tokenFor(demoClient('operator'));
    const created = await admin('POST', '/v1/clients', operator, { orgCode: '31000102', role: 'school' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.clientId as string;
    const first = created.body.clientSecret as string;
    expect(created.body).toMatchObject({ orgCode: '31000102', role: 'school', authMethod: 'client_secret_basic', status: 'ACTIVE', scopes: ['documents:submit', 'documents:read'] });
    expect((await tokenRequest(id, first)).status).toBe(200);
    const shown = await admin('GET', `/v1/clients/${id}`, operator);
    expect(shown.body).not.toHaveProperty('clientSecret');
    expect(JSON.stringify(shown.body)).not.toMatch(/scrypt|secret_hash/);

    const rotated = await admin('POST', `/v1/clients/${id}/secret-rotation`, operator);
    expect(rotated.status).toBe(200);
    const second = rotated.body.clientSecret as string;
    expect(second).not.toBe(first);
    expect(Date.parse(rotated.body.previousSecretValidUntil as string) - Date.now()).toBeGreaterThan(23 * 3600 * 1000);
    // During the overlap both secrets work.
    expect((await tokenRequest(id, second)).status).toBe(200);
    expect((await tokenRequest(id, first)).status).toBe(200);

    expect((await admin('POST', `/v1/clients/${id}/disable`, operator)).body).toMatchObject({ status: 'DISABLED' });
    for (const secret of [first, second]) {
      const refused = await tokenRequest(id, secret);
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('IDENTITY.INVALID_CLIENT');
    }
    const listed = await admin('GET', '/v1/clients?org=31000102', operator);
    expect((listed.body.items as Array<{ clientId: string; status: string }>).find((c) => c.clientId === id)).toMatchObject({ status: 'DISABLED' });
    expect((await admin('POST', `/v1/clients/${id}/enable`, operator)).body).toMatchObject({ status: 'ACTIVE' });
    expect((await tokenRequest(id, second)).status).toBe(200);

    const audit = await call<{ items: Array<{ actor: string; action: string; outcome: string; reason: string | null; subject: string }> }>(
      'GET', `/v1/audit?actor=${encodeURIComponent(id)}&action=token.grant&outcome=DENIED`, { base: URLS.identity, token: operator },
    );
    expect(audit.body.items.map((r) => r.reason)).toEqual(['CLIENT_DISABLED', 'CLIENT_DISABLED']);
    const changes = await call<{ items: Array<{ action: string; subject: string; actor: string }> }>('GET', '/v1/audit?actor=' + demoClient('operator').client_id + '&limit=500', { base: URLS.identity, token: operator });
    const actions = changes.body.items.filter((r) => r.subject === id).map((r) => r.action);
    expect(actions).toEqual(['client.create', 'client.secret-rotation', 'client.disable', 'client.enable']);
  });

  it('refuses bad administration requests with codes and fields, and non-operators altogether', async () => {
    const operator = await tokenFor(demoClient('operator'));
    const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code: string, field?: string) => {
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      expect(res.body).toMatchObject({ code, ...(field ? { field } : {}) });
    };
    expectError(await admin('POST', '/v1/clients', operator, { orgCode: '31000102', role: 'admin' }), 400, 'IDENTITY.UNKNOWN_ROLE', 'role');
    expectError(await admin('POST', '/v1/clients', operator, { orgCode: '99999999', role: 'hub' }), 422, 'IDENTITY.UNKNOWN_ORGANISATION');
    expectError(await admin('POST', '/v1/clients', operator, { orgCode: '31000000', role: 'hub', authMethod: 'private_key_jwt' }), 400, 'IDENTITY.INVALID_CLIENT_REQUEST', 'jwks');
    expectError(await admin('POST', '/v1/clients', operator, { orgCode: '31000000', role: 'operator', authMethod: 'none', redirectUris: ['http://evil.example/cb'] }), 400, 'IDENTITY.INVALID_CLIENT_REQUEST', 'redirectUris[0]');
    expectError(await admin('POST', '/v1/clients/nobody/secret-rotation', operator), 404, 'IDENTITY.CLIENT_NOT_FOUND', 'id');
    expectError(await admin('PUT', `/v1/clients/${demoClient('school').client_id}/jwks`, operator, { keys: [] }), 400, 'IDENTITY.INVALID_JWKS', 'jwks.keys');
    expectError(await admin('GET', '/v1/audit?outcome=MAYBE', operator), 400, 'COMMON.INVALID_PARAMETER', 'outcome');
    const school = await schoolToken(0);
    expectError(await admin('GET', '/v1/clients', school), 403, 'AUTH.SCOPE_MISSING', 'scope');
    expectError(await admin('POST', '/v1/clients', school, { orgCode: '31000101', role: 'operator' }), 403, 'AUTH.SCOPE_MISSING');
    expectError(await admin('GET', '/v1/audit', school), 403, 'AUTH.SCOPE_MISSING');
  });
});
