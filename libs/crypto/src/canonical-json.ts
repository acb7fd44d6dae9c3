import canonicalize from 'canonicalize';

/**
 * RFC 8785 (JCS) bytes of a JSON value. Anything we hash or sign as JSON goes through here, so two services that
 * build the same record with keys in a different order still agree on its hash.
 */
export function canonicalJson(value: unknown): Buffer {
  // canonicalize throws on NaN, Infinity, lone surrogates and cycles; undefined at the top level has no JSON form.
  const text = canonicalize(value);
  if (text === undefined) {
    throw new Error('canonicalJson: value has no JSON representation');
  }
  return Buffer.from(text, 'utf8');
}
