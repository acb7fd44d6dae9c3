import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit } from '@edu/crypto';
import { SecretVerificationCache } from './secret-verification-cache.js';

describe('SecretVerificationCache', () => {
  const key = SecretVerificationCache.key('c1', 'secret', 'scrypt$hash-a');

  it('remembers a verification until it expires, keyed by client, secret and stored hash', () => {
    const cache = new SecretVerificationCache(1000);
    cache.remember(key, 'c1', 0);
    expect(cache.has(key, 999)).toBe(true);
    expect(cache.has(key, 1000)).toBe(false);
    expect(cache.has(SecretVerificationCache.key('c1', 'secret', 'scrypt$hash-b'), 0)).toBe(false);
    expect(SecretVerificationCache.key('c1', 'secret', 'h')).not.toBe(SecretVerificationCache.key('c1', 'secreT', 'h'));
    expect(key).not.toContain('secret');
  });

  it('forgets a client at once, drops the oldest entry when full, and keeps nothing when turned off', () => {
    const cache = new SecretVerificationCache(60_000, 2);
    const other = SecretVerificationCache.key('c2', 's', 'h');
    cache.remember(key, 'c1');
    cache.remember(other, 'c2');
    cache.forget('c1');
    expect(cache.has(key)).toBe(false);
    expect(cache.has(other)).toBe(true);
    cache.remember(key, 'c1');
    cache.remember(SecretVerificationCache.key('c3', 's', 'h'), 'c3');
    expect(cache.has(other)).toBe(false);
    const off = new SecretVerificationCache(0);
    off.remember(key, 'c1');
    expect(off.has(key)).toBe(false);
  });
});

describe('ConcurrencyLimit', () => {
  it('never runs more than its limit at once, even while new work keeps arriving, and finishes everything', async () => {
    const limit = new ConcurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const task = (i: number) =>
      limit.run(async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setImmediate(r));
        running--;
        return i;
      });
    const first = Array.from({ length: 5 }, (_, i) => task(i));
    const later = first[0].then(() => Promise.all([task(10), task(11)]));
    expect(await Promise.all(first)).toEqual([0, 1, 2, 3, 4]);
    expect(await later).toEqual([10, 11]);
    expect(peak).toBe(2);
    await expect(limit.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await task(99)).toBe(99);
  });
});
