import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, exampleFor, schoolToken, submit, tokenFor } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { demoClient, ROOT, URLS } from '../support/stack.js';

const run = promisify(execFile);
const identity = URLS.identity;

interface Problem {
  row: number;
  field: string | null;
  code: string;
  message: { vi: string; en: string };
}

/** Organisations are administered over identity's HTTP API, and interchange learns of every change by event. */
describe('the organisation registry, end to end', () => {
  // Codes are never reused, so every run needs new ones.
  const code = `E2E-${Date.now().toString(36).toUpperCase()}`;
  let operator: string;

  beforeAll(async () => {
    operator = await tokenFor(demoClient('operator'));
  });

  it('lets an operator open and close a school; interchange then refuses the closed school\'s submissions', async () => {
    const created = await call('POST', '/v1/organisations', {
      base: identity, token: operator,
      body: { code, name: 'Trường THPT Kiểm Thử', level: 'THPT', parentCode: '31000000', address: '1 Lạch Tray, Ngô Quyền, Hải Phòng' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ code, status: 'ACTIVE', version: 1 });

    const { stdout } = await run(`${ROOT}edu`, ['client', 'create', '--org', code, '--role', 'school'], { cwd: ROOT, timeout: 60_000 });
    const school = JSON.parse(stdout.trim().split('\n').pop()!) as { client_id: string; client_secret: string };
    const token = await tokenFor({ role: 'school', org: code, ...school });

    const closed = await call('POST', `/v1/organisations/${code}/close`, { base: identity, token: operator, body: { reason: 'Kiểm thử: giải thể' } });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', version: 2 });

    const body = await exampleFor(await schoolToken(0));
    body.issuerCode = code;
    (body.content.school as { code: string }).code = code;
    const refused = await pollUntil(() => submit(token, body), (r) => r.body.code === 'INTERCHANGE.ISSUER_CLOSED', { what: 'interchange to know the school is closed' });
    expect(refused.status).toBe(422);

    const read = await call<{ status: string; history: Array<{ change: string; reason: string | null }> }>('GET', `/v1/organisations/${code}`, { base: identity, token });
    expect(read.status).toBe(200);
    expect(read.body.history.map((h) => h.change)).toEqual(['CREATED', 'CLOSED']);
    const again = await call<{ code: string }>('POST', '/v1/organisations', {
      base: identity, token: operator, body: { code, name: 'Trường khác', level: 'THPT', parentCode: '31000000' },
    });
    expect([again.status, again.body.code]).toEqual([409, 'IDENTITY.ORGANISATION_CODE_TAKEN']);

    // The closed school's client gets no new token.
    const denied = await fetch(`${identity}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${school.client_id}:${school.client_secret}`).toString('base64')}` },
      body: 'grant_type=client_credentials',
    });
    expect(denied.status).toBe(401);
    expect(((await denied.json()) as { code: string }).code).toBe('IDENTITY.INVALID_CLIENT');
  });

  it('refuses writes from a school token with 403 and lets it read', async () => {
    const token = await schoolToken(0);
    const write = await call<{ code: string }>('POST', '/v1/organisations', {
      base: identity, token, body: { code: `${code}-X`, name: 'Trường X', level: 'THPT', parentCode: '31000000' },
    });
    expect([write.status, write.body.code]).toEqual([403, 'AUTH.SCOPE_MISSING']);
    const close = await call<{ code: string }>('POST', '/v1/organisations/31000101/close', { base: identity, token, body: { reason: 'x' } });
    expect(close.status).toBe(403);
    const list = await call<{ items: Array<{ code: string }> }>('GET', '/v1/organisations?parent=31020000&level=THCS', { base: identity, token });
    expect(list.status).toBe(200);
    expect(list.body.items.map((o) => o.code)).toContain('31020201');
  });

  it('imports organisations.csv only when every row is right, naming each problem by row and column', async () => {
    const csv = `code,name,level,parent_code,address\n${code}-P,Phòng thử,PHONG,31000000,\n${code}-T,,THPT,${code}-P,\n`;
    const bad = await call<{ code: string; problems: Problem[] }>('POST', '/v1/organisations/imports', {
      base: identity, token: operator, raw: csv, headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(bad.status, JSON.stringify(bad.body)).toBe(422);
    expect(bad.body.code).toBe('IDENTITY.IMPORT_REJECTED');
    expect(bad.body.problems.map((p) => [p.row, p.field, p.code])).toEqual([[3, 'name', 'IDENTITY.ORGANISATION_NAME_INVALID']]);
    expect(bad.body.problems[0].message.vi.length).toBeGreaterThan(0);
    const missing = await call('GET', `/v1/organisations/${code}-P`, { base: identity, token: operator });
    expect(missing.status).toBe(404);
    const json = await call('POST', '/v1/organisations/imports', { base: identity, token: operator, body: { csv } });
    expect(json.status).toBe(415);
  });
});
