import { describe, expect, it } from 'vitest';
import { hashClientSecret, newClientSecret, verifyClientSecret } from './client-secret.js';

describe('client secrets', () => {
  it('verifies the right secret and refuses others, with a salted hash', async () => {
    const secret = newClientSecret();
    const hash = await hashClientSecret(secret);
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hash).not.toContain(secret);
    expect(await hashClientSecret(secret)).not.toBe(hash);
    expect(await verifyClientSecret(secret, hash)).toBe(true);
    expect(await verifyClientSecret(`${secret}x`, hash)).toBe(false);
    expect(await verifyClientSecret(secret, 'garbage')).toBe(false);
  });

  it('answers every one of a burst of concurrent verifications', async () => {
    const secret = newClientSecret();
    const hash = await hashClientSecret(secret);
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => verifyClientSecret(i % 2 ? secret : 'wrong', hash)));
    expect(answers).toEqual([false, true, false, true, false, true]);
  });
});
