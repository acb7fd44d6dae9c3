import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remoteJwks, TOKEN_AUDIENCE, TOKEN_ISSUER, TokenVerifier } from './token-verifier.js';

/** Key rotation as a verifier sees it: identity's JWKS served over HTTP, changing under the verifier. */
describe('TokenVerifier across a token-key rotation', () => {
  let published: JWK[] = [];
  let fetches = 0;
  let server: Server;
  let url: string;

  const newKey = async (kid: string) => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256' } };
  };
  const sign = (key: { kid: string; privateKey: CryptoKey }) =>
    new SignJWT({ sub: 'c1', org: '31000101', role: 'school', scope: 'documents:read' })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(key.privateKey);

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches++;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('accepts the new key at once after a rotation, keeps accepting the old one, and refetches at most once per interval', async () => {
    const old = await newKey('old');
    published = [old.jwk];
    const verifier = new TokenVerifier(url, remoteJwks(url), 300);
    await expect(verifier.verify(await sign(old))).resolves.toMatchObject({ clientId: 'c1', role: 'school' });
    expect(fetches).toBe(1);

    // Rotation: the new key signs, the old one stays published until its tokens have expired. The set was fetched a
    // moment ago, yet the unknown kid makes the verifier fetch it again at once.
    const next = await newKey('new');
    published = [next.jwk, old.jwk];
    const fromNew = await sign(next);
    await expect(verifier.verify(fromNew)).resolves.toMatchObject({ clientId: 'c1' });
    expect(fetches).toBe(2);
    await expect(verifier.verify(await sign(old))).resolves.toMatchObject({ clientId: 'c1' });
    expect(fetches).toBe(2);

    // A burst of tokens with made-up kids costs identity one fetch, after the interval, and each is refused.
    const ghosts = await Promise.all(['g1', 'g2', 'g3', 'g4'].map(async (kid) => sign(await newKey(kid))));
    const refusals = await Promise.all(ghosts.map((t) => verifier.verify(t).catch((e) => e.code)));
    expect(refusals).toEqual(Array(4).fill('AUTH.TOKEN_INVALID'));
    expect(fetches).toBe(3);

    // Retirement: once the old key has left the set, the next refetch drops it and its tokens are refused.
    published = [next.jwk];
    await expect(verifier.verify(ghosts[0])).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    expect(fetches).toBe(4);
    await expect(verifier.verify(await sign(old))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
    await expect(verifier.verify(fromNew)).resolves.toMatchObject({ clientId: 'c1' });
  });

  it('refuses, never fails, when identity cannot be reached for the refetch', async () => {
    const verifier = new TokenVerifier('http://127.0.0.1:9', remoteJwks('http://127.0.0.1:9'), 0);
    await expect(verifier.verify(await sign(await newKey('k')))).rejects.toMatchObject({ code: 'AUTH.TOKEN_INVALID' });
  });
});
