import { describe, expect, it } from 'vitest';
import { cleanText, truncateText, wrapText } from './text-wrap.js';

/** Every character one unit wide, so widths are lengths. */
const byLength = (text: string) => Array.from(text).length;

describe('wrapText', () => {
  it('breaks at spaces so that no line is wider than the width', () => {
    const lines = wrapText(byLength, 'Chăm ngoan, học tập tích cực, có tinh thần tự học', 16);
    expect(lines).toEqual(['Chăm ngoan, học', 'tập tích cực, có', 'tinh thần tự học']);
  });

  it('keeps the author’s line breaks, blank lines included', () => {
    expect(wrapText(byLength, 'HK I: tốt\r\n\nHK II: khá', 40)).toEqual(['HK I: tốt', '', 'HK II: khá']);
  });

  it('cuts a word wider than the column where it overflows', () => {
    expect(wrapText(byLength, 'xem https://truong.vn/abcdef', 10)).toEqual(['xem', 'https://tr', 'uong.vn/ab', 'cdef']);
  });

  it('gives one empty line for empty text', () => {
    expect(wrapText(byLength, '', 10)).toEqual(['']);
  });
});

describe('cleanText', () => {
  it('composes decomposed Vietnamese and drops control characters', () => {
    const cleaned = cleanText('Nguye\u0302\u0303n\u0007\tVa\u0306n');
    expect(cleaned).toBe('Nguyễn Văn');
    expect(Array.from(cleaned)).toHaveLength(10);
  });
});

describe('truncateText', () => {
  it('keeps text that fits and shortens the rest to fit with an ellipsis', () => {
    expect(truncateText(byLength, 'Đặng Thảo Vy', 12)).toBe('Đặng Thảo Vy');
    expect(truncateText(byLength, 'Đặng Thảo Vy', 8)).toBe('Đặng Th…');
  });
});
