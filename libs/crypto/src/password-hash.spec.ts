import { argon2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword, UNMATCHABLE_PASSWORD_HASH, verifyPassword } from './password-hash.js';

describe('password hashing (argon2id)', () => {
  it('stores a salted PHC string with OWASP costs and verifies only the right password', async () => {
    const hash = await hashPassword('mật khẩu đủ dài 123');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain('mật khẩu');
    expect(await hashPassword('mật khẩu đủ dài 123')).not.toBe(hash);
    expect(await verifyPassword('mật khẩu đủ dài 123', hash)).toBe(true);
    expect(await verifyPassword('mật khẩu đủ dài 124', hash)).toBe(false);
    expect(await verifyPassword('anything', UNMATCHABLE_PASSWORD_HASH)).toBe(false);
    expect(await verifyPassword('anything', 'garbage')).toBe(false);
  });

  it('matches a password typed with combining diacritics (NFD) to the precomposed one (NFC)', async () => {
    const hash = await hashPassword('Trường THPT Trần Phú'.normalize('NFC'));
    expect(await verifyPassword('Trường THPT Trần Phú'.normalize('NFD'), hash)).toBe(true);
  });

  it('is plain argon2id: the tag is what argon2 computes from the stored salt and costs', async () => {
    const hash = await hashPassword('correct horse battery');
    const [, , , costs, salt, tag] = hash.split('$');
    expect(costs).toBe('m=19456,t=2,p=1');
    const expected = argon2Sync('argon2id', {
      message: 'correct horse battery', nonce: Buffer.from(salt, 'base64'), memory: 19456, passes: 2, parallelism: 1, tagLength: 32,
    });
    expect(Buffer.from(tag, 'base64').equals(expected)).toBe(true);
  });
});
