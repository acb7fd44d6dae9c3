import { sign, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid } from './oids.js';

/**
 * The signature algorithm a CA-side key signs certificates, CRLs and OCSP responses with: SHA-256 with RSA
 * (PKCS #1 v1.5, NULL parameters) or ECDSA with SHA-256 (no parameters), as RFC 4055 and RFC 5758 encode them.
 */
export function signatureAlgorithmFor(key: KeyObject): pkijs.AlgorithmIdentifier {
  if (key.asymmetricKeyType === 'rsa') return new pkijs.AlgorithmIdentifier({ algorithmId: Oid.sha256WithRsaEncryption, algorithmParams: new asn1js.Null() });
  if (key.asymmetricKeyType === 'ec') return new pkijs.AlgorithmIdentifier({ algorithmId: Oid.ecdsaWithSha256 });
  throw new Error(`no signature algorithm for ${String(key.asymmetricKeyType)} keys`);
}

/**
 * Signs DER-encoded to-be-signed bytes in OpenSSL (node:crypto), never in JavaScript. ECDSA signatures come out as the
 * DER `Ecdsa-Sig-Value` X.509 expects.
 */
export function signDer(tbsDer: Uint8Array, key: KeyObject): Buffer {
  return sign('sha256', tbsDer, key);
}

export function signTbs(tbsDer: Uint8Array, key: KeyObject): asn1js.BitString {
  return new asn1js.BitString({ valueHex: signDer(tbsDer, key) });
}

/** A UTCTime until 2049 and a GeneralizedTime from 2050, in whole seconds (RFC 5280 §4.1.2.5). */
export function x509Time(date: Date): pkijs.Time {
  const value = wholeSeconds(date);
  return new pkijs.Time({ type: value.getUTCFullYear() < 2050 ? 0 : 1, value });
}

/** GeneralizedTime without fractional seconds, as RFC 5280 and RFC 6960 require. */
export function generalizedTime(date: Date): asn1js.GeneralizedTime {
  return new asn1js.GeneralizedTime({ valueDate: wholeSeconds(date) });
}

export function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
