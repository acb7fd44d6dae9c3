import { describe, expect, it } from 'vitest';
import { generateKeyPair, generateKeyPairInBackground, keyAlgorithmOf } from './key-algorithms.js';

describe('key generation', () => {
  it('makes keys of the algorithm asked for, on the thread or in the background', async () => {
    for (const algorithm of ['RSA-2048', 'EC-P256'] as const) {
      expect(keyAlgorithmOf(generateKeyPair(algorithm).privateKey)).toBe(algorithm);
      expect(keyAlgorithmOf((await generateKeyPairInBackground(algorithm)).publicKey)).toBe(algorithm);
    }
  });

  it('leaves the event loop turning while an RSA key is made in the background', async () => {
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    try {
      // Made on the event loop, the key would be ready before any timer could fire.
      await generateKeyPairInBackground('RSA-3072');
      expect(turns).toBeGreaterThan(0);
    } finally {
      clearInterval(ticker);
    }
  });
});
