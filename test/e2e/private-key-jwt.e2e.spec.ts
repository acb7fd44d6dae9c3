import { exportJWK, SignJWT } from 'jose';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, tokenFor } from '../support/api.js';
import { demoClient, ENV, URLS } from '../support/stack.js';

const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const TOKEN_URL = `${ENV.IDENTITY_PUBLIC_URL ?? 'http://127.0.0.1:8081'}/oauth2/token`;

/** A hub client that authenticates with signed assertions (RFC 7523) instead of a secret. */
describe('private_key_jwt client authentication', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let clientId: string;

  const assertion = (opts: { key?: KeyObject; alg?: string; kid?: string; claims?: Record<string, unknown>; exp?: string } = {}) =>
    new SignJWT({ iss: clientId, sub: clientId, aud: TOKEN_URL, jti: randomUUID(), ...opts.claims })
      .setProtectedHeader({ alg: opts.alg ?? 'PS256', kid: opts.kid ?? 'hub-rsa' })
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? '2m')
      .sign(opts.key ?? rsa.privateKey);
  const tokenWith = (jwt: string, extra = '') =>
    call<{ access_token?: string; scope?: string; code?: string; field?: string }>('POST', '/oauth2/token', {
      base: URLS.identity,
      raw: `grant_type=client_credentials&client_assertion_type=${encodeURIComponent(ASSERTION_TYPE)}&client_assertion=${jwt}${extra}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  beforeAll(async () => {
    const operator = await tokenFor(demoClient('operator'));
    const created = await call<{ clientId: string; clientSecret?: string }>('POST', '/v1/clients', {
      base: URLS.identity,
      token: operator,
      body: { orgCode: '31000000', role: 'hub', authMethod: 'private_key_jwt', jwks: { keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'hub-rsa' }] } },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.clientSecret).toBeUndefined();
    clientId = created.body.clientId;
  });

  it('issues a hub token for a good assertion, once, and to the issuer audience too', async () => {
    const jwt = await assertion();
    const res = await tokenWith(jwt);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.scope).toBe('documents:read documents:submit transfers');
    const claims = JSON.parse(Buffer.from(res.body.access_token!.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: clientId, role: 'hub', org: '31000000' });
    // The hub reads documents of any school through interchange.
    expect((await call('GET', '/v1/document-types', { token: res.body.access_token })).status).toBe(200);

    const replay = await tokenWith(jwt);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: 'IDENTITY.ASSERTION_REPLAYED', field: 'client_assertion.jti' });
    expect((await tokenWith(await assertion({ claims: { aud: 'edu-interop-identity' } }))).status).toBe(200);
    expect((await tokenWith(await assertion(), `&client_id=${clientId}`)).status).toBe(200);
  });

  it('refuses every bad assertion with a 401, its code and field, never a 500', async () => {
    const refusals: Array<[string, string | Promise<string>, string, string]> = [
      ['not a JWT', 'not-a-jwt', 'IDENTITY.ASSERTION_MALFORMED', 'client_assertion'],
      ['expired', assertion({ exp: '-2m' }), 'IDENTITY.ASSERTION_EXPIRED', 'client_assertion.exp'],
      ['too long-lived', assertion({ exp: '1h' }), 'IDENTITY.ASSERTION_LIFETIME', 'client_assertion.exp'],
      ['wrong audience', assertion({ claims: { aud: 'https://elsewhere.example/token' } }), 'IDENTITY.ASSERTION_AUDIENCE', 'client_assertion.aud'],
      ['unknown kid', assertion({ kid: 'other' }), 'IDENTITY.ASSERTION_UNKNOWN_KEY', 'client_assertion.header.kid'],
      ['wrong alg for the key', assertion({ key: ec.privateKey, alg: 'ES256' }), 'IDENTITY.ASSERTION_ALGORITHM', 'client_assertion.header.alg'],
      ['HS256', new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'hub-rsa' }).setIssuer(clientId).sign(new Uint8Array(32)), 'IDENTITY.ASSERTION_ALGORITHM', 'client_assertion.header.alg'],
      ['another key', assertion({ key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }), 'IDENTITY.ASSERTION_SIGNATURE', 'client_assertion'],
      ['no jti', assertion({ claims: { jti: undefined } }), 'IDENTITY.ASSERTION_CLAIM_MISSING', 'client_assertion.jti'],
    ];
    for (const [what, jwt, code, field] of refusals) {
      const res = await tokenWith(await jwt);
      expect(res.status, what).toBe(401);
      expect(res.body, what).toMatchObject({ code, field });
    }
    const unknownClient = await tokenWith(await assertion(), '&client_id=nobody');
    expect(unknownClient.body).toMatchObject({ code: 'IDENTITY.INVALID_CLIENT' });
    const wrongType = await call<{ code: string; field: string }>('POST', '/oauth2/token', {
      base: URLS.identity,
      raw: `grant_type=client_credentials&client_assertion_type=jwt&client_assertion=${await assertion()}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(wrongType.body).toMatchObject({ code: 'IDENTITY.INVALID_TOKEN_REQUEST', field: 'client_assertion_type' });
  });

  it('takes a replaced key set at once: the new key signs, the old one is refused', async () => {
    const operator = await tokenFor(demoClient('operator'));
    const replaced = await call('PUT', `/v1/clients/${clientId}/jwks`, {
      base: URLS.identity, token: operator, body: { keys: [{ ...(await exportJWK(ec.publicKey)), kid: 'hub-ec', alg: 'ES256' }] },
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect((await tokenWith(await assertion({ key: ec.privateKey, alg: 'ES256', kid: 'hub-ec' }))).status).toBe(200);
    expect((await tokenWith(await assertion())).body).toMatchObject({ code: 'IDENTITY.ASSERTION_UNKNOWN_KEY' });
  });
});
