import { createPublicKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SoftwareKeyStore } from './key-store.js';

describe('SoftwareKeyStore', () => {
  const store = new SoftwareKeyStore(randomBytes(32));

  it('creates an RSA-2048 key whose envelope opens to the published public key', async () => {
    const created = await store.create('RSA-2048');
    const opened = await store.open(created.handle);
    expect(opened.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(createPublicKey(opened).export({ type: 'spki', format: 'pem' })).toBe(created.publicKeyPem);
  });

  it('creates P-256 keys for the time-stamping unit', async () => {
    const created = await store.create('EC-P256');
    const opened = await store.open(created.handle);
    expect(opened.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(createPublicKey(opened).export({ type: 'spki', format: 'pem' })).toBe(created.publicKeyPem);
  });

  it('never stores the private key in the clear', async () => {
    const { handle } = await store.create('RSA-2048');
    expect(handle).not.toMatch(/PRIVATE KEY/);
    await expect(new SoftwareKeyStore(randomBytes(32)).open(handle)).rejects.toThrow(/wrong KEK/);
  });
});
