import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64 } from './base64.js';

describe('decodeBase64', () => {
  it('decodes padded base64 of every length, megabytes included', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 786_432, 786_433, 6 * 1024 * 1024 + 1]) {
      const bytes = randomBytes(length);
      expect(decodeBase64(bytes.toString('base64'))?.equals(bytes), `length ${length}`).toBe(true);
    }
  });

  it('refuses anything Node would decode leniently', () => {
    const text = randomBytes(2 * 1024 * 1024 + 2).toString('base64');
    expect(text.endsWith('==')).toBe(true);
    const middle = Math.floor(text.length / 2);
    for (const bad of [
      `${text.slice(0, middle)}!${text.slice(middle + 1)}`, // outside the alphabet
      `${text.slice(0, 8)}\n${text.slice(8)}`, // a line break
      text.replace(/=+$/, ''), // padding left out
      `${text.slice(0, 4)}=${text.slice(5)}`, // padding inside
      'AAA', 'AA=A', 'QQ==QQ==', 'QR==', // short, misplaced, twice, stray bits
    ]) {
      expect(decodeBase64(bad), JSON.stringify(bad.slice(0, 20))).toBeNull();
    }
  });
});
