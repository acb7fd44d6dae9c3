import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenVerifier } from './token-verifier.js';

describe('TokenVerifier', () => {
  let sign: (claims: Record<string, unknown>, exp?: string, key?: CryptoKey) => Promise<string>;
  let verifier: TokenVerifier;
  let otherKey: CryptoKey;
  let keyLookups = 0;

  beforeAll(async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' };
    const keySet = createLocalJWKSet({ keys: [jwk] });
    verifier = new TokenVerifier('http://unused', (header, token) => (keyLookups++, keySet(header, token)));
    sign = (claims, exp = '5m', key = privateKey) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(key);
  });

  it('accepts a valid token and exposes org, role and scopes', async () => {
    const token = await sign({ sub: 'c1', org: '31000001', role: 'school', scope: 'documents:submit documents:read' });
    await expect(verifier.verify(token)).resolves.toEqual({
      clientId: 'c1',
      org: '31000001',
      role: 'school',
      scopes: ['documents:submit', 'documents:read'],
    });
  });

  it("exposes the person a teacher's or principal's token is for", async () => {
    const token = await sign({ sub: 'u1', org: '31000001', role: 'teacher', scope: 'documents:read signing', person_id: '3100000017' });
    await expect(verifier.verify(token)).resolves.toMatchObject({ clientId: 'u1', role: 'teacher', personId: '3100000017', scopes: ['documents:read', 'signing'] });
  });

  it('refuses expired, forged and malformed tokens with distinct codes', async () => {
    const expired = await sign({ sub: 'c1', org: 'x', role: 'school' }, '-1m');
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    const forged = await sign({ sub: 'c1', org: 'x', role: 'school' }, '5m', otherKey);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(verifier.verify('not.a.jwt')).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    const noRole = await sign({ sub: 'c1', org: 'x' });
    await expect(verifier.verify(noRole)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });

  it('verifies a token once and remembers it until it expires; another token of the same claims is checked anew', async () => {
    const token = await sign({ sub: 'c2', org: '31000001', role: 'school', scope: 'documents:read' });
    const before = keyLookups;
    const first = await verifier.verify(token);
    await expect(verifier.verify(token)).resolves.toEqual(first);
    expect(keyLookups - before).toBe(1);
    const forged = await sign({ sub: 'c2', org: '31000001', role: 'school', scope: 'documents:read' }, '5m', otherKey);
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    const expired = await sign({ sub: 'c2', org: '31000001', role: 'school' }, '-1m');
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
    await expect(verifier.verify(expired)).rejects.toMatchObject({ code: 'AUTH.TOKEN_EXPIRED' });
  });
});
