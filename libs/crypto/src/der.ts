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
