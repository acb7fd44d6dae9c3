import { generateKeyPair, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, exampleFor, ministryToken, schoolToken, submit, tokenFor, type ErrorBody, type SubmissionBody } from '../support/api.js';
import { demoClient, URLS } from '../support/stack.js';

function expectError(res: { status: number; body: unknown }, status: number, code: string, field?: string | null) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.code).toBe(code);
  expect(body.message.vi.length).toBeGreaterThan(0);
  expect(body.message.en.length).toBeGreaterThan(0);
  if (field !== undefined) expect(body.field).toBe(field);
}

describe('bad input gets a clear 4xx and changes nothing', () => {
  let token: string;
  let body: SubmissionBody;

  beforeAll(async () => {
    token = await schoolToken(0);
    body = await exampleFor(token, 1);
  });

  const post = (opts: Parameters<typeof call>[2]) => call('POST', '/v1/documents', { token, ...opts });

  it('refuses malformed JSON, a wrong content type and an oversized body', async () => {
    expectError(await post({ raw: '{"type": "hoc-ba",', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() } }), 400, 'COMMON.MALFORMED_JSON', 'body');
    expectError(await post({ raw: JSON.stringify(body), headers: { 'content-type': 'text/plain', 'idempotency-key': randomUUID() } }), 415, 'COMMON.UNSUPPORTED_MEDIA_TYPE');
    const huge = JSON.stringify({ ...body, content: { ...body.content, remarks: 'x'.repeat(13 * 1024 * 1024) } });
    expectError(await post({ raw: huge, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() } }), 413, 'COMMON.BODY_TOO_LARGE');
  });

  it('requires an Idempotency-Key', async () => {
    expectError(await post({ body }), 400, 'INTERCHANGE.IDEMPOTENCY_KEY_REQUIRED', 'Idempotency-Key');
  });

  it('names the unknown type, the schema violation and the broken rule', async () => {
    expectError(await submit(token, { ...body, type: 'bang-diem-gia' }), 400, 'INTERCHANGE.UNKNOWN_TYPE', 'type');
    const noStudentId = structuredClone(body);
    delete (noStudentId.content.student as Record<string, unknown>).studentId;
    expectError(await submit(token, noStudentId), 400, 'INTERCHANGE.SCHEMA_INVALID', 'content.student.studentId');
    const badAverage = structuredClone(body) as SubmissionBody & { content: { subjects: Array<{ assessment: string; terms: { hk1: { average: number } } }> } };
    const scored = badAverage.content.subjects.findIndex((s) => s.assessment === 'score');
    const hk1 = badAverage.content.subjects[scored].terms.hk1;
    hk1.average = Math.round((hk1.average >= 9.9 ? hk1.average - 0.1 : hk1.average + 0.1) * 10) / 10;
    const res = await submit(token, badAverage);
    expectError(res, 400, 'INTERCHANGE.RULE_VIOLATED', `content.subjects[${scored}].terms.hk1.average`);
    expect((res.body as ErrorBody).message.en).toMatch(/TERM_AVERAGE/);
  });

  it('refuses an unknown student and another school’s issuer code', async () => {
    const stranger = structuredClone(body);
    stranger.subject.studentId = '3199999999';
    (stranger.content.student as Record<string, unknown>).studentId = '3199999999';
    expectError(await submit(token, stranger), 422, 'INTERCHANGE.UNKNOWN_STUDENT', 'subject.studentId');
    expectError(await submit(token, { ...body, issuerCode: '31000102' }), 403, 'AUTH.OTHER_ORGANISATION', 'issuerCode');
  });

  it('refuses a missing, forged or malformed token and a missing scope', async () => {
    expectError(await call('POST', '/v1/documents', { body, headers: { 'idempotency-key': randomUUID() } }), 401, 'AUTH.TOKEN_MISSING');
    const { privateKey } = await generateKeyPair('ES256');
    const kid = (await (await fetch(`${URLS.identity}/.well-known/jwks.json`)).json()).keys[0].kid;
    const forged = await new SignJWT({ org: body.issuerCode, role: 'school', scope: 'documents:submit documents:read' })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setIssuer('edu-interop-identity')
      .setAudience('edu-interop')
      .setSubject('forger')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    expectError(await submit(forged, body), 401, 'AUTH.TOKEN_INVALID');
    expectError(await submit('not-a-jwt', body), 401, 'AUTH.TOKEN_INVALID');
    expectError(await submit(await ministryToken(), body), 403, 'AUTH.SCOPE_MISSING', 'scope');
  });

  it('refuses bad feed parameters, unknown routes and ids without a 5xx', async () => {
    const ministry = await ministryToken();
    expectError(await call('GET', '/v1/feed?limit=1001', { token: ministry }), 400, 'COMMON.INVALID_PARAMETER', 'limit');
    expectError(await call('GET', '/v1/feed?after=abc', { token: ministry }), 400, 'COMMON.INVALID_PARAMETER', 'after');
    expectError(await call('GET', '/v1/feed', { token }), 403, 'AUTH.SCOPE_MISSING');
    expectError(await call('GET', '/v1/documents/not-a-uuid', { token }), 404, 'INTERCHANGE.DOCUMENT_NOT_FOUND');
    expectError(await call('GET', `/v1/documents/${randomUUID()}`, { token }), 404, 'INTERCHANGE.DOCUMENT_NOT_FOUND');
    expectError(await call('GET', '/v1/nothing-here', { token }), 404, 'COMMON.ROUTE_NOT_FOUND');
  });

  it('refuses a bad token request at identity', async () => {
    const client = demoClient('school', 0);
    const wrong = await call('POST', '/oauth2/token', {
      base: URLS.identity,
      raw: `grant_type=client_credentials&client_id=${client.client_id}&client_secret=wrong`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(wrong, 401, 'IDENTITY.INVALID_CLIENT');
    const grant = await call('POST', '/oauth2/token', {
      base: URLS.identity,
      raw: 'grant_type=password',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expectError(grant, 400, 'IDENTITY.UNSUPPORTED_GRANT_TYPE', 'grant_type');
    expect(await tokenFor(client)).toMatch(/^ey/);
  });

  it('leaves nothing behind: a key used only by refused requests still takes a good submission', async () => {
    const key = randomUUID();
    expect((await submit(token, { ...body, type: 'x' }, key)).status).toBe(400);
    const ok = await submit(token, body, key);
    expect(ok.status).toBe(202);
    expect(ok.body.version).toBeGreaterThanOrEqual(1);
  });
});
