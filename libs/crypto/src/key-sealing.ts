import { createCipheriv, createDecipheriv, createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';

/**
 * Envelope for a private key at rest. A fresh data key encrypts the key; the KEK only ever wraps 32 random bytes,
 * so rotating the KEK means re-wrapping data keys, not re-encrypting keys, and the KEK never sees key material.
 */
interface SealedKeyEnvelope {
  version: 1;
  keyFormat: 'pkcs8-der';
  dataKey: { algorithm: 'aes-256-gcm'; iv: string; tag: string; wrapped: string };
  payload: { algorithm: 'aes-256-gcm'; iv: string; tag: string; ciphertext: string };
}

const AAD_DATA_KEY = Buffer.from('edu-crypto/sealed-key/v1/data-key');
const AAD_PAYLOAD = Buffer.from('edu-crypto/sealed-key/v1/pkcs8');

/** Reads a 32-byte key-encryption key from base64 (how it arrives from the environment). */
export function parseKek(base64: string): Buffer {
  const trimmed = base64.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed)) throw new Error('KEK must be base64');
  const kek = Buffer.from(trimmed, 'base64');
  if (kek.length !== 32) throw new Error(`KEK must be 32 bytes, got ${kek.length}`);
  return kek;
}

export function sealPrivateKey(privateKey: KeyObject, kek: Buffer): string {
  assertKek(kek);
  if (privateKey.type !== 'private') throw new Error('sealPrivateKey: a private key is required');
  const dataKey = randomBytes(32);
  try {
    const wrapped = encrypt(kek, dataKey, AAD_DATA_KEY);
    const payload = encrypt(dataKey, privateKey.export({ type: 'pkcs8', format: 'der' }), AAD_PAYLOAD);
    const envelope: SealedKeyEnvelope = {
      version: 1,
      keyFormat: 'pkcs8-der',
      dataKey: { algorithm: 'aes-256-gcm', iv: wrapped.iv, tag: wrapped.tag, wrapped: wrapped.ciphertext },
      payload: { algorithm: 'aes-256-gcm', ...payload },
    };
    return JSON.stringify(envelope);
  } finally {
    dataKey.fill(0);
  }
}

export function openPrivateKey(envelope: string, kek: Buffer): KeyObject {
  assertKek(kek);
  const sealed = readEnvelope(envelope);
  let dataKey: Buffer;
  try {
    dataKey = decrypt(kek, sealed.dataKey.iv, sealed.dataKey.tag, sealed.dataKey.wrapped, AAD_DATA_KEY);
  } catch {
    throw new Error('openPrivateKey: wrong KEK or tampered data key');
  }
  try {
    const der = decrypt(dataKey, sealed.payload.iv, sealed.payload.tag, sealed.payload.ciphertext, AAD_PAYLOAD);
    try {
      return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } finally {
      der.fill(0);
    }
  } catch {
    throw new Error('openPrivateKey: tampered key payload');
  } finally {
    dataKey.fill(0);
  }
}

function encrypt(key: Buffer, plaintext: Buffer, aad: Buffer): { iv: string; tag: string; ciphertext: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ciphertext: ciphertext.toString('base64') };
}

function decrypt(key: Buffer, iv: string, tag: string, ciphertext: string, aad: Buffer): Buffer {
  const tagBytes = Buffer.from(tag, 'base64');
  // A short tag would weaken GCM's integrity check; Node accepts them unless told the length.
  if (tagBytes.length !== 16) throw new Error('bad tag length');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'), { authTagLength: 16 }).setAAD(aad);
  decipher.setAuthTag(tagBytes);
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
}

function readEnvelope(text: string): SealedKeyEnvelope {
  let parsed: SealedKeyEnvelope;
  try {
    parsed = JSON.parse(text) as SealedKeyEnvelope;
  } catch {
    throw new Error('openPrivateKey: envelope is not JSON');
  }
  const fieldsPresent = [parsed?.dataKey?.iv, parsed?.dataKey?.tag, parsed?.dataKey?.wrapped, parsed?.payload?.iv, parsed?.payload?.tag, parsed?.payload?.ciphertext]
    .every((field) => typeof field === 'string');
  if (parsed?.version !== 1 || parsed.keyFormat !== 'pkcs8-der' || parsed.dataKey?.algorithm !== 'aes-256-gcm' || parsed.payload?.algorithm !== 'aes-256-gcm' || !fieldsPresent) {
    throw new Error('openPrivateKey: unsupported or incomplete envelope');
  }
  return parsed;
}

function assertKek(kek: Buffer): void {
  if (!Buffer.isBuffer(kek) || kek.length !== 32) throw new Error('KEK must be 32 bytes');
}
