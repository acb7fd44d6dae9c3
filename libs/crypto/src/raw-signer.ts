import { sign, verify, type KeyObject, type X509Certificate } from 'node:crypto';
import { Tag, tlv, unsignedInteger } from './der.js';

/**
 * A private key held outside this process, e.g. on a PKCS #11 token: `sign` makes a SHA-256 signature over `data`,
 * hashing it itself — PKCS #1 v1.5 for an RSA key (CKM_SHA256_RSA_PKCS), a DER Ecdsa-Sig-Value for a P-256 key.
 */
export interface RawSigner {
  publicKey: KeyObject;
  sign(data: Buffer): Buffer;
}

export function isRawSigner(key: KeyObject | RawSigner): key is RawSigner {
  return typeof (key as RawSigner).sign === 'function' && 'publicKey' in key;
}

/** The kinds of key a signer accepts, named for errors ("an RSA"). */
export interface KeyKinds {
  name: string;
  accepts(key: KeyObject): boolean;
}

/**
 * The function that signs for `cert` with `key`, once `key` is shown to be of an accepted kind and the certificate's:
 * a key object by OpenSSL's check, a raw signer by one probe signature (a token slot holding another key would
 * otherwise spoil every signature it makes). `owner` names the caller in errors.
 */
export function signingFunction(owner: string, cert: X509Certificate, key: KeyObject | RawSigner, kinds: KeyKinds): (data: Buffer) => Buffer {
  if (isRawSigner(key)) {
    if (!kinds.accepts(key.publicKey)) throw new Error(`${owner}: ${kinds.name} key is required`);
    if (!key.publicKey.equals(cert.publicKey)) throw new Error(`${owner}: the raw signer key does not match the certificate`);
    const probe = Buffer.from(`${owner} key probe`);
    if (!verify('sha256', probe, cert.publicKey, key.sign(probe))) throw new Error(`${owner}: the raw signer does not sign with the certificate's key`);
    return (data) => key.sign(data);
  }
  if (key.type !== 'private' || !kinds.accepts(key)) throw new Error(`${owner}: ${kinds.name} private key is required`);
  if (!cert.checkPrivateKey(key)) throw new Error(`${owner}: private key does not match the certificate`);
  return (data) => sign('sha256', data, key);
}

/** An ECDSA signature as PKCS #11 and WebCrypto give it (r ‖ s, each `size` bytes) in the DER form X.509 and CMS use. */
export function ecdsaSignatureDer(raw: Buffer, size = 32): Buffer {
  if (raw.length !== 2 * size) throw new Error(`an ECDSA signature of ${2 * size} bytes was expected, got ${raw.length}`);
  const integer = (bytes: Buffer) => unsignedInteger(BigInt(`0x${bytes.toString('hex')}`));
  return tlv(Tag.sequence, integer(raw.subarray(0, size)), integer(raw.subarray(size)));
}
