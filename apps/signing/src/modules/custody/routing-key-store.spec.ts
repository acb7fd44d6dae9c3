import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { KeyStore, SoftwareKeyStore, type CustodyKeyAlgorithm, type NewCustodyKey } from './key-store.js';
import { RoutingKeyStore } from './routing-key-store.js';

/** A token that hands out references in the PKCS#11 store's form and remembers what it was asked. */
class FakeToken extends KeyStore {
  readonly opened: string[] = [];
  async create(_algorithm: CustodyKeyAlgorithm): Promise<NewCustodyKey> {
    return { handle: JSON.stringify({ token: 'edu-signing', id: '0a0b' }), publicKeyPem: 'token key' };
  }
  async open(handle: string) {
    this.opened.push(handle);
    return { publicKey: generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey, sign: () => Buffer.alloc(64) };
  }
}

describe('RoutingKeyStore', () => {
  const software = new SoftwareKeyStore(Buffer.alloc(32, 7));

  it('makes new keys on the token, and opens a token reference there', async () => {
    const token = new FakeToken();
    const keys = new RoutingKeyStore(token, software);
    const made = await keys.create('RSA-2048');
    expect(made.publicKeyPem).toBe('token key');
    await keys.open(made.handle);
    expect(token.opened).toEqual([made.handle]);
  });

  it('opens a key sealed by the software store with the software store, as before the move to the HSM', async () => {
    const token = new FakeToken();
    const sealed = await software.create('EC-P256');
    const key = await new RoutingKeyStore(token, software).open(sealed.handle);
    expect('asymmetricKeyType' in key && key.asymmetricKeyType).toBe('ec');
    expect(token.opened).toEqual([]);
  });
});
