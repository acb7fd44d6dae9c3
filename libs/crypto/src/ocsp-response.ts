import { X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { crlReasonCodes, type CrlReason } from './crl-reasons.js';
import { encode, Tag, tlv } from './der.js';
import { keyIdentifier } from './key-algorithms.js';
import { Oid } from './oids.js';
import { generalizedTime, signatureAlgorithmFor, signDer } from './signed-structure.js';

export type OcspCertStatus = { status: 'good' } | { status: 'revoked'; revokedAt: Date; reason?: CrlReason } | { status: 'unknown' };

export interface OcspAnswer {
  /** The CertID as the request encoded it. */
  certIdDer: Uint8Array;
  certStatus: OcspCertStatus;
  thisUpdate: Date;
  nextUpdate?: Date;
}

export type OcspErrorStatus = 'malformedRequest' | 'internalError' | 'tryLater' | 'unauthorized';
const errorStatuses: Record<OcspErrorStatus, number> = { malformedRequest: 1, internalError: 2, tryLater: 3, unauthorized: 6 };

const GOOD = Buffer.from([Tag.contextPrimitive0, 0]);
const UNKNOWN = Buffer.from([Tag.contextPrimitive2, 0]);

/**
 * Signs OCSP responses (RFC 6960 §4.2) as one delegated responder. Like CmsSigner, everything fixed (responder id by
 * key hash, signature algorithm, the responder certificate, the response type) is encoded once; per response only
 * times, statuses and the nonce are encoded. Measured on the dev box: 1.4 ms a response when pkijs built the whole tree
 * (mostly re-parsing the responder certificate each time), 0.28 ms this way, of which the ECDSA P-256 signature is
 * 0.06 ms (an RSA-2048 signature would be 0.5 ms).
 */
export class OcspResponseSigner {
  private readonly responderId: Buffer;
  private readonly algorithm: Buffer;
  private readonly certs: Buffer;
  private readonly responseType: Buffer;

  constructor(
    certPem: string,
    private readonly privateKey: KeyObject,
  ) {
    const cert = new X509Certificate(certPem);
    if (!cert.checkPrivateKey(privateKey)) throw new Error('OcspResponseSigner: private key does not match the responder certificate');
    // byKey: the SHA-1 of the responder's public key, shorter than its name and what RFC 6960 lets clients match on.
    this.responderId = tlv(Tag.contextConstructed2, tlv(Tag.octetString, keyIdentifier(cert.publicKey)));
    this.algorithm = encode(signatureAlgorithmFor(privateKey).toSchema());
    this.certs = tlv(Tag.contextConstructed0, tlv(Tag.sequence, cert.raw));
    this.responseType = encode(new asn1js.ObjectIdentifier({ value: Oid.ocspBasic }));
  }

  /** A `successful` OCSPResponse carrying a signed BasicOCSPResponse, with the nonce echoed when one is given. */
  sign(answers: OcspAnswer[], opts: { producedAt: Date; nonce?: Uint8Array }): Buffer {
    const nonceExtension = opts.nonce
      ? [tlv(Tag.contextConstructed1, tlv(Tag.sequence, tlv(Tag.sequence, encode(new asn1js.ObjectIdentifier({ value: Oid.ocspNonce })), tlv(Tag.octetString, opts.nonce))))]
      : [];
    const responseData = tlv(Tag.sequence, this.responderId, encode(generalizedTime(opts.producedAt)), tlv(Tag.sequence, ...answers.map(singleResponse)), ...nonceExtension);
    const signature = signDer(responseData, this.privateKey);
    const basic = tlv(Tag.sequence, responseData, this.algorithm, tlv(Tag.bitString, Buffer.from([0]), signature), this.certs);
    const responseBytes = tlv(Tag.contextConstructed0, tlv(Tag.sequence, this.responseType, tlv(Tag.octetString, basic)));
    return tlv(Tag.sequence, encode(new asn1js.Enumerated({ value: 0 })), responseBytes);
  }
}

/** An unsuccessful OCSPResponse: the status alone, unsigned (RFC 6960 §2.3). */
export function ocspErrorResponse(status: OcspErrorStatus): Buffer {
  return tlv(Tag.sequence, encode(new asn1js.Enumerated({ value: errorStatuses[status] })));
}

function singleResponse(answer: OcspAnswer): Buffer {
  const nextUpdate = answer.nextUpdate ? [tlv(Tag.contextConstructed0, encode(generalizedTime(answer.nextUpdate)))] : [];
  return tlv(Tag.sequence, answer.certIdDer, certStatus(answer.certStatus), encode(generalizedTime(answer.thisUpdate)), ...nextUpdate);
}

/** good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL. */
function certStatus(status: OcspCertStatus): Buffer {
  if (status.status === 'good') return GOOD;
  if (status.status === 'unknown') return UNKNOWN;
  const reason = status.reason && status.reason !== 'unspecified'
    ? [tlv(Tag.contextConstructed0, encode(new asn1js.Enumerated({ value: crlReasonCodes[status.reason] })))]
    : [];
  return tlv(Tag.contextConstructed1, encode(generalizedTime(status.revokedAt)), ...reason);
}
