import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';

export interface RsaKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function generateRsaKeyPair(bits = 2048): RsaKeyPair {
  return generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: 0x10001 });
}

export function exportPublicKeyPem(key: KeyObject): string {
  // Accepts a private key too: its public half is what gets published.
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
}

export function privateKeyFromPem(pem: string, passphrase?: string): KeyObject {
  return createPrivateKey({ key: pem, format: 'pem', passphrase });
}

export function publicKeyFromPem(pem: string): KeyObject {
  return createPublicKey({ key: pem, format: 'pem' });
}
