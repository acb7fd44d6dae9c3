import type { EntityManager } from '@edu/persistence';
import { exportJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AssertionReplayGuard } from './assertion-replay-guard.js';
import { ClientAssertionVerifier } from './client-assertion.js';

/** The replay table's port, in memory. */
class SeenJtis {
  readonly seen = new Set<string>();
  async claim(_em: EntityManager, clientId: string, jti: string): Promise<boolean> {
    const key = `${clientId} ${jti}`;
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}

const CLIENT = 'hub-31000000-abcd1234';
const TOKEN_URL = 'https://identity.example.vn/oauth2/token';
const em = {} as EntityManager;

describe('private_key_jwt client assertions', () => {
  const keys: Record<string, { privateKey: KeyObject; jwk: JWK }> = {};
  let verifier: ClientAssertionVerifier;
  let jwks: { keys: JWK[] };

  beforeAll(async () => {
    for (const [kid, alg] of [['es', 'ES256'], ['rs', 'RS256'], ['ps', 'PS256']] as const) {
      const { privateKey, publicKey } = alg === 'ES256' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('rsa', { modulusLength: 2048 });
      keys[kid] = { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, ...(alg === 'PS256' ? { alg } : {}) } };
    }
    jwks = { keys: Object.values(keys).map((k) => k.jwk) };
    verifier = new ClientAssertionVerifier(new SeenJtis() as unknown as AssertionReplayGuard, { IDENTITY_PUBLIC_URL: 'https://identity.example.vn/' });
  });

  const assertion = (opts: { kid?: string; alg?: string; claims?: JWTPayload; exp?: string | number | null; key?: string } = {}) => {
    const kid = opts.kid ?? 'es';
    const jwt = new SignJWT({ iss: CLIENT, sub: CLIENT, aud: TOKEN_URL, jti: randomUUID(), ...opts.claims })
      .setProtectedHeader({ alg: opts.alg ?? { es: 'ES256', rs: 'RS256', ps: 'PS256' }[kid] ?? 'ES256', ...(kid === '-' ? {} : { kid }) })
      .setIssuedAt();
    if (opts.exp !== null) jwt.setExpirationTime(opts.exp ?? '2m');
    return jwt.sign(keys[opts.key ?? (kid === '-' ? 'es' : kid)]?.privateKey ?? keys.es.privateKey);
  };
  const refusal = async (token: Promise<string> | string, set = jwks) =>
    verifier.verify(em, CLIENT, set, await token).then(
      () => null,
      (err) => ({ code: err.code, field: err.field, kind: err.kind }),
    );

  it('accepts ES256, RS256 and PS256 assertions signed with a registered key, to the token endpoint or the issuer', async () => {
    for (const kid of ['es', 'rs', 'ps']) await expect(verifier.verify(em, CLIENT, jwks, await assertion({ kid }))).resolves.toBeUndefined();
    await expect(verifier.verify(em, CLIENT, jwks, await assertion({ claims: { aud: 'edu-interop-identity' } }))).resolves.toBeUndefined();
    // Without a kid, a client with one key is understood to have used it.
    await expect(verifier.verify(em, CLIENT, { keys: [keys.es.jwk] }, await assertion({ kid: '-' }))).resolves.toBeUndefined();
    expect(verifier.audiences).toEqual([TOKEN_URL, 'edu-interop-identity']);
  });

  it('refuses each bad assertion with a 401 of its own code and field', async () => {
    const cases: Array<[string, Promise<string> | string, string, string]> = [
      ['not a JWT', 'abc', 'IDENTITY.ASSERTION_MALFORMED', 'client_assertion'],
      ['garbage parts', 'a.b.c', 'IDENTITY.ASSERTION_MALFORMED', 'client_assertion'],
      ['unsigned', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"iss":"${CLIENT}"}`).toString('base64url')}.`, 'IDENTITY.ASSERTION_ALGORITHM', 'client_assertion.header.alg'],
      ['HS256', new SignJWT({}).setProtectedHeader({ alg: 'HS256', kid: 'es' }).sign(new Uint8Array(32)), 'IDENTITY.ASSERTION_ALGORITHM', 'client_assertion.header.alg'],
      ['alg not the key type', assertion({ kid: 'rs', alg: 'ES256', key: 'es' }), 'IDENTITY.ASSERTION_ALGORITHM', 'client_assertion.header.alg'],
      ['alg not the key alg', assertion({ kid: 'ps', alg: 'RS256', key: 'ps' }), 'IDENTITY.ASSERTION_ALGORITHM', 'client_assertion.header.alg'],
      ['unknown kid', assertion({ kid: 'other', key: 'es' }), 'IDENTITY.ASSERTION_UNKNOWN_KEY', 'client_assertion.header.kid'],
      ['no kid among many keys', assertion({ kid: '-' }), 'IDENTITY.ASSERTION_UNKNOWN_KEY', 'client_assertion.header.kid'],
      ['signed by another key', assertion({ kid: 'rs', key: 'ps', alg: 'RS256' }), 'IDENTITY.ASSERTION_SIGNATURE', 'client_assertion'],
      ['expired', assertion({ exp: '-2m' }), 'IDENTITY.ASSERTION_EXPIRED', 'client_assertion.exp'],
      ['exp too far ahead', assertion({ exp: '10m' }), 'IDENTITY.ASSERTION_LIFETIME', 'client_assertion.exp'],
      ['no exp', assertion({ exp: null }), 'IDENTITY.ASSERTION_CLAIM_MISSING', 'client_assertion.exp'],
      ['no jti', assertion({ claims: { jti: undefined } }), 'IDENTITY.ASSERTION_CLAIM_MISSING', 'client_assertion.jti'],
      ['wrong audience', assertion({ claims: { aud: 'https://elsewhere.example/token' } }), 'IDENTITY.ASSERTION_AUDIENCE', 'client_assertion.aud'],
      ['wrong issuer', assertion({ claims: { iss: 'someone-else' } }), 'IDENTITY.ASSERTION_ISSUER', 'client_assertion.iss'],
      ['wrong subject', assertion({ claims: { sub: 'someone-else' } }), 'IDENTITY.ASSERTION_ISSUER', 'client_assertion.sub'],
      ['not yet valid', assertion({ claims: { nbf: Math.floor(Date.now() / 1000) + 600 } }), 'IDENTITY.ASSERTION_NOT_YET_VALID', 'client_assertion.nbf'],
    ];
    for (const [what, token, code, field] of cases) expect(await refusal(token), what).toEqual({ code, field, kind: 'unauthenticated' });
    expect(await refusal(assertion(), { keys: [] })).toMatchObject({ code: 'IDENTITY.ASSERTION_UNKNOWN_KEY' });
  });

  it('takes each jti once', async () => {
    const once = await assertion();
    await expect(verifier.verify(em, CLIENT, jwks, once)).resolves.toBeUndefined();
    expect(await refusal(once)).toEqual({ code: 'IDENTITY.ASSERTION_REPLAYED', field: 'client_assertion.jti', kind: 'unauthenticated' });
  });
});
