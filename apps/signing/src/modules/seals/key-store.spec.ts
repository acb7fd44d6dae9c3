import { createPublicKey, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SoftwareKeyStore } from './key-store.js';

describe('SoftwareKeyStore', () => {
  const store = new SoftwareKeyStore(randomBytes(32));

  it('creates an RSA-2048 key whose envelope opens to the published public key', async () => {
    const created = await store.createSealKey();
    const opened = await store.openSealKey(created.envelope);
    expect(opened.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(createPublicKey(opened).export({ type: 'spki', format: 'pem' })).toBe(created.publicKeyPem);
  });

  it('never stores the private key in the clear', async () => {
    const { envelope } = await store.createSealKey();
    expect(envelope).not.toMatch(/PRIVATE KEY/);
    await expect(new SoftwareKeyStore(randomBytes(32)).openSealKey(envelope)).rejects.toThrow(/wrong KEK/);
  });
});
