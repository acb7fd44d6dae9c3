import { describe, expect, it } from 'vitest';
import { call, tokenFor } from '../support/api.js';
import { demoClient, URLS, type DemoClient } from '../support/stack.js';

const kidOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()).kid as string;
const jwksKids = async () => ((await (await fetch(`${URLS.identity}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }).keys.map((k) => k.kid);

/** A fresh token (never the cached one), signed by whichever key signs now. */
async function freshToken(client: DemoClient): Promise<string> {
  const res = await call<{ access_token: string }>('POST', '/oauth2/token', {
    base: URLS.identity,
    raw: 'grant_type=client_credentials',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}` },
  });
  expect(res.status).toBe(200);
  return res.body.access_token;
}

describe('token-key rotation with overlap', () => {
  it('signs with the new key at once while tokens of the old key keep working at interchange and identity', async () => {
    const operator = await tokenFor(demoClient('operator'));
    const before = await freshToken(demoClient('school'));
    const oldKid = kidOf(before);
    expect(await jwksKids()).toContain(oldKid);

    const rotated = await call<{ kid: string; previousRetireAfter: string }>('POST', '/v1/token-keys/rotation', { base: URLS.identity, token: operator });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    const { kid: newKid } = rotated.body;
    expect(newKid).not.toBe(oldKid);
    // The old key is published until every token it signed has expired (10 min tokens + reload period + margin).
    expect(Date.parse(rotated.body.previousRetireAfter) - Date.now()).toBeGreaterThan(600_000);
    const kids = await jwksKids();
    expect(kids[0]).toBe(newKid);
    expect(kids).toContain(oldKid);

    const after = await freshToken(demoClient('school'));
    expect(kidOf(after)).toBe(newKid);
    expect((await call('GET', '/v1/document-types', { token: before })).status).toBe(200);
    // Interchange has not seen the new kid yet: it fetches the JWKS again and accepts the token at once.
    expect((await call('GET', '/v1/document-types', { token: after })).status).toBe(200);
    // So does identity, right after it verified the operator's token with the old key.
    const ministry = await freshToken(demoClient('ministry'));
    expect(kidOf(ministry)).toBe(newKid);
    expect((await call('GET', '/v1/clients?org=31000000', { base: URLS.identity, token: ministry })).status).toBe(403);
    expect((await call('GET', '/v1/clients?org=31000000', { base: URLS.identity, token: operator })).status).toBe(200);

    const audit = await call<{ items: Array<{ action: string; subject: string }> }>('GET', `/v1/audit?action=token-key.rotation&actor=${demoClient('operator').client_id}&limit=500`, { base: URLS.identity, token: operator });
    expect(audit.body.items.map((r) => r.subject)).toContain(newKid);
  });

  it('lets only operators rotate', async () => {
    const res = await call<{ code: string }>('POST', '/v1/token-keys/rotation', { base: URLS.identity, token: await tokenFor(demoClient('ministry')) });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.SCOPE_MISSING');
  });
});
