import type { KeyObject } from 'node:crypto';
import type { RawSigner } from '@edu/crypto';
import { KeyStore, type CustodyKeyAlgorithm, type NewCustodyKey, type SoftwareKeyStore } from './key-store.js';
import { isTokenKeyHandle } from './pkcs11-key-store.js';

/**
 * New keys on the token; each stored key from the store that made it. A deployment that moves to an HSM keeps signing
 * with the software-sealed keys it already holds (seals, people's keys, the time-stamping unit) until they are
 * rotated, while every key made from then on is made on the token.
 */
export class RoutingKeyStore extends KeyStore {
  constructor(
    private readonly token: KeyStore,
    private readonly software: SoftwareKeyStore,
  ) {
    super();
  }

  create(algorithm: CustodyKeyAlgorithm): Promise<NewCustodyKey> {
    return this.token.create(algorithm);
  }

  open(handle: string): Promise<KeyObject | RawSigner> {
    return isTokenKeyHandle(handle) ? this.token.open(handle) : this.software.open(handle);
  }
}
