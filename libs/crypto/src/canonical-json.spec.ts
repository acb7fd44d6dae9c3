import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { sha256, sha256Hex } from './hash.js';

const text = (value: unknown) => canonicalJson(value).toString('utf8');

describe('canonicalJson (RFC 8785)', () => {
  it('orders keys by UTF-16 code units at every depth', () => {
    expect(text({ b: 1, a: { d: true, c: null }, A: [3, 1] })).toBe('{"A":[3,1],"a":{"c":null,"d":true},"b":1}');
    // RFC 8785 §3.2.3 sorting example: code-unit order puts U+20AC after U+0080 and the surrogate pair
    expect(text({ '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' }))
      .toBe('{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}');
  });

  it('serialises numbers the ECMAScript way', () => {
    expect(text([1e21, 0.1, 1e-7, -0, 100, 1.5e300, 333333333.33333329, 4.5])).toBe('[1e+21,0.1,1e-7,0,100,1.5e+300,333333333.3333333,4.5]');
  });

  it('keeps non-ASCII as UTF-8 and escapes only what JSON requires', () => {
    const bytes = canonicalJson({ name: 'Trường THPT Trần Phú', note: 'tab\there "q" \u0001' });
    expect(bytes.toString('utf8')).toBe('{"name":"Trường THPT Trần Phú","note":"tab\\there \\"q\\" \\u0001"}');
    expect(bytes.includes(Buffer.from('ờ', 'utf8'))).toBe(true);
  });

  it('gives the same bytes whatever the insertion order', () => {
    expect(canonicalJson({ x: 1, y: [{ q: 1, p: 2 }] })).toEqual(canonicalJson({ y: [{ p: 2, q: 1 }], x: 1 }));
  });

  it('refuses values JSON cannot carry faithfully', () => {
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson({ n: Infinity })).toThrow();
    expect(() => canonicalJson('\ud800')).toThrow();
    expect(() => canonicalJson(undefined)).toThrow(/no JSON representation/);
  });
});

describe('sha256', () => {
  it('matches the FIPS 180 "abc" vector for strings and buffers', () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(sha256Hex('abc')).toBe(abc);
    expect(sha256(Buffer.from('abc')).toString('hex')).toBe(abc);
  });
});
