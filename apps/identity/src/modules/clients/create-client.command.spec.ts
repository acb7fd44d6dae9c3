import { exportJWK } from 'jose';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CreateClientCommand } from './create-client.command.js';
import { validateClientJwks } from './client-jwks.js';

const ecJwk = async (kid: string) => ({ ...(await exportJWK(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey)), kid });

describe('CreateClientCommand and client JWKS', () => {
  it('takes a secret client, a private_key_jwt client with its keys, and a public client with redirect URIs', async () => {
    expect(await CreateClientCommand.from({ orgCode: '31000101', role: 'school' })).toMatchObject({ authMethod: 'client_secret_basic', redirectUris: [] });
    const jwt = await CreateClientCommand.from({ orgCode: '31000000', role: 'hub', authMethod: 'private_key_jwt', jwks: { keys: [await ecJwk('k1')] } });
    expect(jwt.jwks!.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', kid: 'k1' });
    const pub = await CreateClientCommand.from({ orgCode: '31000000', role: 'operator', authMethod: 'none', redirectUris: ['https://console.edu.vn/cb', 'http://127.0.0.1:5173/cb'] });
    expect(pub.redirectUris).toHaveLength(2);
  });

  it('refuses bad requests with the field at fault', async () => {
    const bad = async (body: unknown) => CreateClientCommand.from(body).then(() => null, (e) => [e.code, e.field]);
    expect(await bad({ role: 'school' })).toEqual(['IDENTITY.INVALID_CLIENT_REQUEST', 'orgCode']);
    expect(await bad({ orgCode: '1', role: 'school', authMethod: 'tls_client_auth' })).toEqual(['IDENTITY.INVALID_CLIENT_REQUEST', 'authMethod']);
    expect(await bad({ orgCode: '1', role: 'hub', authMethod: 'private_key_jwt' })).toEqual(['IDENTITY.INVALID_CLIENT_REQUEST', 'jwks']);
    expect(await bad({ orgCode: '1', role: 'hub', authMethod: 'private_key_jwt', jwksUri: 'https://x/jwks' })).toEqual(['IDENTITY.INVALID_CLIENT_REQUEST', 'jwksUri']);
    expect(await bad({ orgCode: '1', role: 'school', jwks: { keys: [] } })).toEqual(['IDENTITY.INVALID_CLIENT_REQUEST', 'jwks']);
    expect(await bad({ orgCode: '1', role: 'operator', authMethod: 'none' })).toEqual(['IDENTITY.INVALID_CLIENT_REQUEST', 'redirectUris']);
    for (const uri of ['http://console.edu.vn/cb', 'https://console.edu.vn/cb#x', 'javascript:alert(1)', 'not a url'])
      expect(await bad({ orgCode: '1', role: 'operator', authMethod: 'none', redirectUris: [uri] })).toEqual(['IDENTITY.INVALID_CLIENT_REQUEST', 'redirectUris[0]']);
  });

  it('accepts only public RSA (≥ 2048 bits) or P-256 keys, each with its own kid', async () => {
    const bad = async (keys: unknown) => validateClientJwks({ keys }).then(() => null, (e) => [e.code, e.field]);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    expect((await validateClientJwks({ keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'r', alg: 'PS256' }] })).keys[0]).toMatchObject({ kty: 'RSA', alg: 'PS256' });
    expect(await bad([])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys']);
    expect(await bad([{ ...(await ecJwk('a')), kid: undefined }])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys[0].kid']);
    expect(await bad([await ecJwk('a'), await ecJwk('a')])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys[1].kid']);
    expect(await bad([{ ...(await exportJWK(rsa.privateKey)), kid: 'p' }])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys[0].d']);
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(await bad([{ ...(await exportJWK(small)), kid: 's' }])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys[0].n']);
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey;
    expect(await bad([{ ...(await exportJWK(p384)), kid: 'c' }])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys[0].kty']);
    expect(await bad([{ ...(await ecJwk('a')), alg: 'HS256' }])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys[0].alg']);
    expect(await bad([{ ...(await ecJwk('a')), alg: 'RS256' }])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys[0].kty']);
    expect(await bad([{ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', kid: 'z' }])).toEqual(['IDENTITY.INVALID_JWKS', 'jwks.keys[0].kty']);
  });
});
