import { describe, expect, it } from 'vitest';
import { DerReader } from './der-elements.js';
import { Tag, tlv } from './der.js';

describe('DerReader', () => {
  const long = Buffer.alloc(300, 7);
  const der = tlv(Tag.sequence, tlv(Tag.integer, Buffer.from([5])), tlv(Tag.octetString, long), tlv(Tag.contextConstructed0, tlv(Tag.set)));

  it('finds children by their headers, short and long lengths, and gives their bytes as views', () => {
    const reader = new DerReader(der, 'test');
    const [integer, octets, tagged] = reader.children(reader.root(Tag.sequence, 'the sequence'));
    expect([integer.tag, octets.tag, tagged.tag]).toEqual([Tag.integer, Tag.octetString, Tag.contextConstructed0]);
    expect(reader.content(integer)).toEqual(Buffer.from([5]));
    expect(octets.header).toBe(4);
    expect(reader.content(octets).equals(long)).toBe(true);
    expect(reader.raw(tagged)).toEqual(Buffer.from([0xa0, 2, 0x31, 0]));
    expect(reader.children(reader.children(tagged)[0])).toEqual([]);
    expect(reader.raw(integer).buffer).toBe(der.buffer);
  });

  it('refuses truncated input, bad lengths, trailing bytes, another outer tag and children overrunning their parent', () => {
    const root = (bytes: Buffer) => new DerReader(bytes, 'test').root(Tag.sequence, 'the sequence');
    expect(() => root(der.subarray(0, der.length - 1))).toThrow('test: the sequence is truncated');
    expect(() => root(Buffer.from([0x30]))).toThrow(/truncated/);
    expect(() => root(Buffer.from([0x30, 0x80, 0, 0]))).toThrow('test: the sequence has a bad length');
    expect(() => root(Buffer.from([0x30, 0x85, 1, 1, 1, 1, 1]))).toThrow(/bad length/);
    expect(() => root(Buffer.concat([der, Buffer.from([0])]))).toThrow('test: not one DER structure');
    expect(() => root(tlv(Tag.set))).toThrow(/not one DER structure/);
    // An inner SEQUENCE of 2 bytes whose child claims 3: within the buffer, beyond its parent.
    const reader = new DerReader(Buffer.from([0x30, 7, 0x30, 2, 0x04, 3, 1, 1, 1]), 'test');
    const [inner] = reader.children(reader.root(Tag.sequence, 'x'));
    expect(() => reader.children(inner)).toThrow('test: an element overruns its parent');
  });
});
