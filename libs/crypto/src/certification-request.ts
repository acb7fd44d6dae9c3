import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import * as pkijs from 'pkijs';
import { decodeExact, encode } from './der.js';
import { nameFromSubject, subjectFromName, type CertificateSubject } from './distinguished-name.js';
import { Oid } from './oids.js';
import { signatureAlgorithmFor, signTbs } from './signed-structure.js';

export interface CertificationRequestInfo {
  subject: Partial<CertificateSubject>;
  publicKey: KeyObject;
}

/** Why a PKCS #10 request was refused: `malformed` input, or a `signature` that proves no possession of the key. */
export class CertificationRequestError extends Error {
  constructor(
    readonly problem: 'malformed' | 'signature',
    message: string,
  ) {
    super(message);
  }
}

const hashes: Record<string, string> = {
  [Oid.sha256WithRsaEncryption]: 'sha256',
  [Oid.sha384WithRsaEncryption]: 'sha384',
  [Oid.sha512WithRsaEncryption]: 'sha512',
  [Oid.ecdsaWithSha256]: 'sha256',
  [Oid.ecdsaWithSha384]: 'sha384',
  [Oid.ecdsaWithSha512]: 'sha512',
};

/**
 * Reads a PEM PKCS #10 request and checks its self-signature (proof of possession) in OpenSSL. SHA-1 and RSA-PSS
 * signatures are refused: neither is something a token or OpenSSL produces by default today.
 */
export function readCertificationRequest(pem: string): CertificationRequestInfo {
  const match = /-----BEGIN (NEW )?CERTIFICATE REQUEST-----([A-Za-z0-9+/=\s]+)-----END (NEW )?CERTIFICATE REQUEST-----/.exec(pem);
  if (!match) throw new CertificationRequestError('malformed', 'not a PEM certificate request');
  let request: pkijs.CertificationRequest;
  let publicKey: KeyObject;
  try {
    request = new pkijs.CertificationRequest({ schema: decodeExact(Buffer.from(match[2].replace(/\s+/g, ''), 'base64'), 'certificate request') });
    publicKey = createPublicKey({ key: encode(request.subjectPublicKeyInfo.toSchema()), format: 'der', type: 'spki' });
  } catch (err) {
    throw new CertificationRequestError('malformed', `not a valid certificate request: ${(err as Error).message}`);
  }
  const hash = hashes[request.signatureAlgorithm.algorithmId];
  if (!hash) throw new CertificationRequestError('signature', `unsupported signature algorithm ${request.signatureAlgorithm.algorithmId}`);
  let valid = false;
  try {
    valid = verify(hash, request.tbsView, publicKey, request.signatureValue.valueBlock.valueHexView);
  } catch {
    valid = false;
  }
  if (!valid) throw new CertificationRequestError('signature', 'the request signature does not verify with its own public key');
  return { subject: subjectFromName(request.subject), publicKey };
}

/** A PEM PKCS #10 request signed by `privateKey`, as a token or `openssl req -new` would make it. */
export function createCertificationRequest(subject: CertificateSubject, privateKey: KeyObject): string {
  const publicKey = createPublicKey(privateKey);
  const request = new pkijs.CertificationRequest({
    version: 0,
    subject: nameFromSubject(subject),
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(publicKey.export({ type: 'spki', format: 'der' })),
    attributes: [],
    signatureAlgorithm: signatureAlgorithmFor(privateKey),
  });
  request.tbsView = new Uint8Array(encode(request.toSchema(true).valueBlock.value[0]));
  request.signatureValue = signTbs(request.tbsView, privateKey);
  const base64 = encode(request.toSchema()).toString('base64').replace(/.{64}/g, '$&\n');
  return `-----BEGIN CERTIFICATE REQUEST-----\n${base64.replace(/\n$/, '')}\n-----END CERTIFICATE REQUEST-----\n`;
}
