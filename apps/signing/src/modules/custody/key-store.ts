import { exportPublicKeyPem, generateKeyPairInBackground, openPrivateKey, sealPrivateKey, type RawSigner } from '@edu/crypto';
import type { KeyObject } from 'node:crypto';

/** Seals and people sign with RSA-2048 (docs/pki.md); the time-stamping unit with P-256, ten times cheaper. */
export type CustodyKeyAlgorithm = 'RSA-2048' | 'EC-P256';

export interface NewCustodyKey {
  /** What the database keeps: for the software store the private key sealed under the KEK, for an HSM a reference. */
  handle: string;
  publicKeyPem: string;
}

/**
 * Custody of private keys (seals, people, the time-stamping unit). The port exists so that an HSM (PKCS#11) can
 * replace the software implementation; callers only ever see an opaque handle and, when signing, a key object that
 * they keep for the key's lifetime (never re-opened per signature).
 */
export abstract class KeyStore {
  abstract create(algorithm: CustodyKeyAlgorithm): Promise<NewCustodyKey>;
  /** A KeyObject for keys this process may hold (the fast path), a raw signer for keys on a token. */
  abstract open(handle: string): Promise<KeyObject | RawSigner>;
}

/** Keys in node:crypto, encrypted at rest (AES-256-GCM, a data key per key) under the KEK from the environment. */
export class SoftwareKeyStore extends KeyStore {
  constructor(private readonly kek: Buffer) {
    super();
  }

  async create(algorithm: CustodyKeyAlgorithm): Promise<NewCustodyKey> {
    const { privateKey } = await generateKeyPairInBackground(algorithm);
    return { handle: sealPrivateKey(privateKey, this.kek), publicKeyPem: exportPublicKeyPem(privateKey) };
  }

  async open(handle: string): Promise<KeyObject> {
    return openPrivateKey(handle, this.kek);
  }
}
