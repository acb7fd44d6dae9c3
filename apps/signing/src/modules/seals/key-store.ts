import { exportPublicKeyPem, generateRsaKeyPair, openPrivateKey, sealPrivateKey } from '@edu/crypto';
import type { KeyObject } from 'node:crypto';

export interface NewSealKey {
  /** What the database keeps: the private key sealed under the KEK. */
  envelope: string;
  publicKeyPem: string;
}

/**
 * Custody of seal private keys. The port exists so that an HSM (PKCS#11) can replace the software implementation;
 * callers only ever see an opaque envelope and, when signing, a key handle.
 */
export abstract class KeyStore {
  abstract createSealKey(): Promise<NewSealKey>;
  abstract openSealKey(envelope: string): Promise<KeyObject>;
}

/** RSA-2048 keys in node:crypto, encrypted at rest under the key-encryption key from the environment. */
export class SoftwareKeyStore extends KeyStore {
  constructor(private readonly kek: Buffer) {
    super();
  }

  async createSealKey(): Promise<NewSealKey> {
    const { privateKey } = generateRsaKeyPair(2048);
    return { envelope: sealPrivateKey(privateKey, this.kek), publicKeyPem: exportPublicKeyPem(privateKey) };
  }

  async openSealKey(envelope: string): Promise<KeyObject> {
    return openPrivateKey(envelope, this.kek);
  }
}
