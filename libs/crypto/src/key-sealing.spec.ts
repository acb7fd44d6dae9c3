import { randomBytes, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPrivateKey, parseKek, sealPrivateKey } from './key-sealing.js';
import { generateRsaKeyPair } from './rsa-keys.js';

const keys = generateRsaKeyPair();
const kek = randomBytes(32);

describe('sealPrivateKey / openPrivateKey', () => {
  it('round-trips a key that still signs', () => {
    const envelope = sealPrivateKey(keys.privateKey, kek);
    const opened = openPrivateKey(envelope, kek);
    const signature = sign('sha256', Buffer.from('x'), opened);
    expect(verify('sha256', Buffer.from('x'), keys.publicKey, signature)).toBe(true);
  });

  it('writes a versioned JSON envelope with no key material in clear', () => {
    const envelope = sealPrivateKey(keys.privateKey, kek);
    const parsed = JSON.parse(envelope);
    expect(parsed).toMatchObject({ version: 1, keyFormat: 'pkcs8-der', dataKey: { algorithm: 'aes-256-gcm' }, payload: { algorithm: 'aes-256-gcm' } });
    expect(Buffer.from(parsed.dataKey.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(parsed.payload.tag, 'base64')).toHaveLength(16);
    expect(Buffer.from(parsed.dataKey.wrapped, 'base64')).toHaveLength(32);
    const der = keys.privateKey.export({ type: 'pkcs8', format: 'der' });
    expect(envelope).not.toContain(der.subarray(40, 80).toString('base64'));
    // A fresh data key and IVs every time.
    expect(JSON.parse(sealPrivateKey(keys.privateKey, kek)).dataKey.wrapped).not.toBe(parsed.dataKey.wrapped);
  });

  it('fails clearly with the wrong KEK', () => {
    const envelope = sealPrivateKey(keys.privateKey, kek);
    expect(() => openPrivateKey(envelope, randomBytes(32))).toThrow('openPrivateKey: wrong KEK or tampered data key');
  });

  it('fails clearly when the envelope is tampered with', () => {
    const parsed = JSON.parse(sealPrivateKey(keys.privateKey, kek));
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[5] ^= 0x01;
      return bytes.toString('base64');
    };
    const payloadTampered = JSON.stringify({ ...parsed, payload: { ...parsed.payload, ciphertext: flip(parsed.payload.ciphertext) } });
    expect(() => openPrivateKey(payloadTampered, kek)).toThrow('openPrivateKey: tampered key payload');
    const keyTampered = JSON.stringify({ ...parsed, dataKey: { ...parsed.dataKey, wrapped: flip(parsed.dataKey.wrapped) } });
    expect(() => openPrivateKey(keyTampered, kek)).toThrow(/wrong KEK or tampered/);
    const shortTag = JSON.stringify({ ...parsed, payload: { ...parsed.payload, tag: Buffer.alloc(4).toString('base64') } });
    expect(() => openPrivateKey(shortTag, kek)).toThrow(/tampered/);
    expect(() => openPrivateKey('{"version":2}', kek)).toThrow(/unsupported/);
    expect(() => openPrivateKey('not json', kek)).toThrow(/not JSON/);
  });

  it('refuses a KEK that is not 32 bytes', () => {
    expect(() => sealPrivateKey(keys.privateKey, randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('parseKek', () => {
  it('accepts 32 bytes of base64 and nothing else', () => {
    expect(parseKek(kek.toString('base64'))).toEqual(kek);
    expect(() => parseKek(randomBytes(31).toString('base64'))).toThrow(/32 bytes, got 31/);
    expect(() => parseKek('not base64!')).toThrow(/base64/);
    expect(() => parseKek('')).toThrow();
  });
});
