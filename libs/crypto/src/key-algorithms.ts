import { createHash, createPublicKey, generateKeyPair as generateKeyPairCallback, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import * as pkijs from 'pkijs';

/** The key algorithms the platform makes itself; subject keys from CSRs may be any RSA ≥ 2048 or EC P-256. */
export type GeneratedKeyAlgorithm = 'RSA-2048' | 'RSA-3072' | 'EC-P256';

const curveNames: Record<string, string> = { prime256v1: 'P256', secp384r1: 'P384', secp521r1: 'P521' };

/** A short name such as `RSA-2048` or `EC-P256`, as certificate records and events carry it. */
export function keyAlgorithmOf(key: KeyObject): string {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return `RSA-${details.modulusLength}`;
  if (key.asymmetricKeyType === 'ec') return `EC-${curveNames[details.namedCurve ?? ''] ?? details.namedCurve}`;
  return String(key.asymmetricKeyType).toUpperCase();
}

const generateAsync = promisify(generateKeyPairCallback);
const EC_OPTIONS = { namedCurve: 'prime256v1' } as const;
const rsaOptions = (algorithm: GeneratedKeyAlgorithm) => ({ modulusLength: algorithm === 'RSA-3072' ? 3072 : 2048, publicExponent: 0x10001 });

/** On the calling thread: for start-up and tools. A service answering requests uses generateKeyPairInBackground. */
export function generateKeyPair(algorithm: GeneratedKeyAlgorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  if (algorithm === 'EC-P256') return generateKeyPairSync('ec', EC_OPTIONS);
  return generateKeyPairSync('rsa', rsaOptions(algorithm));
}

/**
 * On libuv's thread pool: an RSA key takes 50-500 ms of CPU, during which a service generating on its event loop
 * would answer nobody (166 signers enrolling their keys held signing's loop for ~11 s in the documents benchmark).
 */
export function generateKeyPairInBackground(algorithm: GeneratedKeyAlgorithm): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
  if (algorithm === 'EC-P256') return generateAsync('ec', EC_OPTIONS);
  return generateAsync('rsa', rsaOptions(algorithm));
}

/** The subjectPublicKey BIT STRING's content: what key identifiers and OCSP key hashes are computed over. */
export function publicKeyBits(key: KeyObject): Buffer {
  const spki = (key.type === 'private' ? createPublicKey(key) : key).export({ type: 'spki', format: 'der' });
  return Buffer.from(pkijs.PublicKeyInfo.fromBER(spki).subjectPublicKey.valueBlock.valueHexView);
}

/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey bits. */
export function keyIdentifier(key: KeyObject): Buffer {
  return createHash('sha1').update(publicKeyBits(key)).digest();
}
