import * as asn1js from 'asn1js';

/**
 * The one piece of hand-written DER: wrapping already-encoded children in a tag and a definite length.
 * The CMS signer and the OCSP responder keep each fixed part (certificates, signer id, ESS attribute, responder id)
 * as cached DER and only wrap per-signature bytes around them, which an object-tree encoder would re-encode on every
 * call.
 */
export function tlv(tag: number, ...children: Uint8Array[]): Buffer {
  const content = children.length === 1 ? children[0] : Buffer.concat(children);
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const Tag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  sequence: 0x30,
  set: 0x31,
  contextPrimitive0: 0x80,
  contextPrimitive2: 0x82,
  contextConstructed0: 0xa0,
  contextConstructed1: 0xa1,
  contextConstructed2: 0xa2,
} as const;

export function encode(value: { toBER(sizeOnly?: boolean): ArrayBuffer }): Buffer {
  return Buffer.from(value.toBER(false));
}

/** Parses DER that must be one complete element; trailing bytes or a decode error are refused. */
export function decodeExact(der: Uint8Array, what: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1 || parsed.offset !== der.byteLength) {
    throw new Error(`${what} is not valid DER${parsed.result.error ? `: ${parsed.result.error}` : ''}`);
  }
  return parsed.result;
}

export function algorithmIdentifier(oid: string, withNullParameters: boolean): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: oid }), ...(withNullParameters ? [new asn1js.Null()] : [])],
  });
}

/** A non-negative INTEGER, minimally encoded (a leading zero byte only where the top bit would read as a sign). */
export function unsignedInteger(value: bigint): Buffer {
  if (value < 0n) throw new RangeError('unsignedInteger: negative value');
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (hex.charCodeAt(0) >= 0x38) hex = `00${hex}`; // '8'–'f': the top bit is set
  const length = hex.length / 2;
  if (length > 0x7f) throw new RangeError('unsignedInteger: more than 127 bytes');
  const out = Buffer.allocUnsafe(2 + length);
  out[0] = Tag.integer;
  out[1] = length;
  out.write(hex, 2, 'hex');
  return out;
}

/** Writes the 13 bytes `YYMMDDhhmmssZ` of a UTCTime (years 1950–2049; seconds truncated) into `out` at `at`. */
export function writeUtcTime(out: Buffer, at: number, date: Date): void {
  writeDigits(out, at, date.getUTCFullYear() % 100, 2);
  writeClock(out, at + 2, date);
  out[at + 12] = 0x5a; // Z
}

/**
 * A GeneralizedTime `YYYYMMDDhhmmss[.fff]Z` with milliseconds, written as DER wants them: no trailing zeros in the
 * fraction and no dot at all for whole seconds (X.690 §11.7). Digits are written straight into the buffer, which
 * costs a tenth of formatting through toISOString on the time-stamping hot path.
 */
export function generalizedTimeMillis(date: Date): Buffer {
  let millis = date.getUTCMilliseconds();
  let fractionDigits = millis ? 3 : 0;
  while (fractionDigits && millis % 10 === 0) {
    millis /= 10;
    fractionDigits--;
  }
  const length = 15 + (fractionDigits ? fractionDigits + 1 : 0);
  const out = Buffer.allocUnsafe(2 + length);
  out[0] = 0x18;
  out[1] = length;
  writeDigits(out, 2, date.getUTCFullYear(), 4);
  writeClock(out, 6, date);
  if (fractionDigits) {
    out[16] = 0x2e; // .
    writeDigits(out, 17, millis, fractionDigits);
  }
  out[out.length - 1] = 0x5a; // Z
  return out;
}

/** MMDDhhmmss. */
function writeClock(out: Buffer, at: number, date: Date): void {
  writeDigits(out, at, date.getUTCMonth() + 1, 2);
  writeDigits(out, at + 2, date.getUTCDate(), 2);
  writeDigits(out, at + 4, date.getUTCHours(), 2);
  writeDigits(out, at + 6, date.getUTCMinutes(), 2);
  writeDigits(out, at + 8, date.getUTCSeconds(), 2);
}

function writeDigits(out: Buffer, at: number, value: number, count: number): void {
  for (let i = count - 1; i >= 0; i--) {
    out[at + i] = 0x30 + (value % 10);
    value = Math.floor(value / 10);
  }
}

/**
 * Whether `der` is exactly one element with tag `tag` and a definite length covering the rest of the buffer. Reads
 * the header only: a cheap guard before splicing caller-supplied DER (certificates, CRLs, tokens) into a structure.
 */
export function isOneElement(der: Uint8Array, tag: number): boolean {
  if (der.length < 2 || der[0] !== tag) return false;
  const first = der[1];
  if (first < 0x80) return der.length === 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || der.length < 2 + count) return false;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + der[2 + i];
  return der.length === 2 + count + length;
}

/**
 * An element whose encoding is deferred: `derNode` only adds up lengths, and `encodeDer` writes the whole tree into
 * one buffer. On hot paths this replaces nested `tlv` calls, which copy every child once per level and allocate
 * outside Node's buffer pool once a level passes 4 KiB (a B-LT signature passes 8 KiB): about 15 µs a signature.
 */
export class DerNode {
  readonly length: number;
  readonly children: ReadonlyArray<Uint8Array | DerNode>;

  constructor(
    readonly tag: number,
    children: ReadonlyArray<Uint8Array | DerNode>,
  ) {
    this.children = children;
    let length = 0;
    for (const child of children) length += child instanceof DerNode ? child.encodedLength() : child.length;
    this.length = length;
  }

  encodedLength(): number {
    return headerLength(this.length) + this.length;
  }
}

export function derNode(tag: number, ...children: Array<Uint8Array | DerNode>): DerNode {
  return new DerNode(tag, children);
}

export function encodeDer(node: DerNode): Buffer {
  const out = Buffer.allocUnsafe(node.encodedLength());
  writeNode(node, out, 0);
  return out;
}

function headerLength(length: number): number {
  return length < 0x80 ? 2 : length < 0x100 ? 3 : length < 0x10000 ? 4 : length < 0x1000000 ? 5 : 6;
}

function writeNode(node: DerNode, out: Buffer, at: number): number {
  out[at++] = node.tag;
  const length = node.length;
  if (length < 0x80) out[at++] = length;
  else {
    const count = headerLength(length) - 2;
    out[at++] = 0x80 | count;
    for (let shift = (count - 1) * 8; shift >= 0; shift -= 8) out[at++] = Math.floor(length / 2 ** shift) & 0xff;
  }
  for (const child of node.children) {
    if (child instanceof DerNode) at = writeNode(child, out, at);
    else {
      out.set(child, at);
      at += child.length;
    }
  }
  return at;
}
