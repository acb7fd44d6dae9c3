import { hash, X509Certificate, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { contentTypeAttribute, sha256MessageDigestPrefix, signingCertificateV2Attribute, uniqueCertificates } from '../cades/attributes.js';
import { certificateParts } from '../certificate-der.js';
import { algorithmIdentifier, derNode, encode, encodeDer, generalizedTimeMillis, Tag, tlv, unsignedInteger } from '../der.js';
import { subjectNameOf } from '../distinguished-name.js';
import { Oid } from '../oids.js';
import { isRawSigner, signingFunction, type RawSigner } from '../raw-signer.js';
import { signatureAlgorithmFor } from '../signed-structure.js';
import { timeStampHashes, type TimeStampHash } from './hash-algorithms.js';
import { MalformedTimeStampRequest, readTimeStampRequest, type TimeStampQuestion } from './time-stamp-request.js';
import { grantedResponse, rejectionResponse } from './time-stamp-response.js';
import { timeStampingProblem } from './tsa-certificate.js';

export interface TimeStampAuthorityOptions {
  certificatePem: string;
  /** Issuing CAs up to (optionally) the root, shipped in tokens asked for with certReq. */
  chainPems: string[];
  /** ECDSA P-256 or RSA: a private KeyObject, or a raw signer for a key held elsewhere (an HSM). */
  privateKey: KeyObject | RawSigner;
  /** The TSA policy every token names (TSTInfo.policy); requests naming another are refused. */
  policyOid: string;
  /** TSTInfo.accuracy; 0 leaves the field out. Default 1000. */
  accuracyMillis?: number;
}

/** What a token is made for: a request's imprint and nonce, or a local caller's. */
export type TimeStampOrder = Pick<TimeStampQuestion, 'hashAlgorithm' | 'digest' | 'nonce'> & { certReq?: boolean };

const CONTEXT_PRIMITIVE_0 = 0x80;
const CONTEXT_CONSTRUCTED_4 = 0xa4;
/** RFC 3161 §2.4.2: serial numbers of up to 160 bits. */
const MAX_SERIAL = (1n << 160n) - 1n;
const MAX_NONCE_BYTES = 64;

/**
 * An RFC 3161 time-stamp authority: one per TSA key. Tokens are SignedData over TSTInfo with the signed attributes
 * contentType, messageDigest and ESS signing-certificate-v2 (RFC 5816). Like CmsSigner, everything that depends only
 * on the key, certificate, policy and accuracy is encoded in the constructor; a token costs two SHA-256 over a few
 * hundred bytes, one signature in OpenSSL and the wrapping of cached DER (see bench/signing.mjs for the figures).
 */
export class TimeStampAuthority {
  readonly policyOid: string;
  private readonly signData: (data: Buffer) => Buffer;
  /** Per imprint hash: TSTInfo version, policy and messageImprint up to the digest bytes, which are appended. */
  private readonly tstInfoHeads: Record<TimeStampHash, Buffer>;
  private readonly accuracy: Buffer;
  /** TSTInfo.tsa: [0] GeneralName directoryName, the certificate's subject. */
  private readonly tsaName: Buffer;
  private readonly contentTypeAttribute = contentTypeAttribute(Oid.tstInfo);
  private readonly signingCertificateAttribute: Buffer;
  private readonly signerInfoHead: Buffer;
  private readonly signatureAlgorithm: Buffer;
  /** SignedData version (3: the content is not id-data) and digestAlgorithms. */
  private readonly signedDataHead: Buffer;
  private readonly eContentType = encode(new asn1js.ObjectIdentifier({ value: Oid.tstInfo }));
  private readonly certificatesField: Buffer;
  /** The TSA certificate first, then its chain (DER): what a token carries when asked with certReq. */
  readonly certificates: Buffer[];
  private readonly contentInfoHead = encode(new asn1js.ObjectIdentifier({ value: Oid.signedData }));

  constructor(options: TimeStampAuthorityOptions) {
    const cert = new X509Certificate(options.certificatePem);
    const key = options.privateKey;
    this.signData = signingFunction('TimeStampAuthority', cert, key, {
      name: 'an RSA or ECDSA P-256',
      accepts: (k) => k.asymmetricKeyType === 'rsa' || k.asymmetricKeyDetails?.namedCurve === 'prime256v1',
    });
    const problem = timeStampingProblem(cert.raw);
    if (problem) throw new Error(`TimeStampAuthority: ${problem}`);
    if (!/^[0-2](\.(0|[1-9]\d*))+$/.test(options.policyOid)) throw new Error('TimeStampAuthority: policyOid is not a dotted object identifier');
    const accuracyMillis = options.accuracyMillis ?? 1000;
    if (!Number.isSafeInteger(accuracyMillis) || accuracyMillis < 0) throw new Error('TimeStampAuthority: accuracyMillis must be a whole number ≥ 0');

    this.policyOid = options.policyOid;
    const versionAndPolicy = Buffer.concat([unsignedInteger(1n), encode(new asn1js.ObjectIdentifier({ value: options.policyOid }))]);
    const head = (hash: TimeStampHash) => Buffer.concat([versionAndPolicy, imprintPrefix(hash)]);
    this.tstInfoHeads = { sha256: head('sha256'), sha384: head('sha384'), sha512: head('sha512') };
    this.accuracy = accuracyField(accuracyMillis);
    this.tsaName = tlv(Tag.contextConstructed0, tlv(CONTEXT_CONSTRUCTED_4, Buffer.from(subjectNameOf(cert.raw).valueBeforeDecode)));

    const signer = certificateParts(cert.raw);
    this.signingCertificateAttribute = signingCertificateV2Attribute(signer.der);
    this.signerInfoHead = Buffer.concat([unsignedInteger(1n), tlv(Tag.sequence, signer.issuerDer, signer.serialDer), encode(algorithmIdentifier(Oid.sha256, false))]);
    this.signatureAlgorithm = encode(signatureAlgorithmFor(isRawSigner(key) ? key.publicKey : key).toSchema());
    this.signedDataHead = Buffer.concat([unsignedInteger(3n), encode(new asn1js.Set({ value: [algorithmIdentifier(Oid.sha256, false)] }))]);
    this.certificates = uniqueCertificates([cert.raw, ...options.chainPems.map((pem) => new X509Certificate(pem).raw)]);
    this.certificatesField = tlv(Tag.contextConstructed0, ...this.certificates);
  }

  /**
   * A TimeStampToken (DER ContentInfo) stamping `order` at `genTime` with `serial`, which the caller keeps unique
   * per TSA. The TSA certificate and chain are included when `certReq` is true.
   */
  token(order: TimeStampOrder, serial: bigint, genTime: Date): Buffer {
    checkOrder(order, serial, genTime);
    const nonce = order.nonce ? [derNode(Tag.integer, order.nonce)] : [];
    // ordering is FALSE, its DEFAULT, so it is left out; no extensions.
    const tstInfo = encodeDer(
      derNode(Tag.sequence, this.tstInfoHeads[order.hashAlgorithm], order.digest, unsignedInteger(serial), generalizedTimeMillis(genTime), this.accuracy, ...nonce, this.tsaName),
    );

    const messageDigest = Buffer.concat([sha256MessageDigestPrefix, hash('sha256', tstInfo, 'buffer')]);
    const attributes = [this.contentTypeAttribute, messageDigest, this.signingCertificateAttribute];
    attributes.sort(Buffer.compare); // DER orders a SET OF by the encodings of its elements
    const signedSet = encodeDer(derNode(Tag.set, ...attributes));
    const signature = this.signData(signedSet);
    signedSet[0] = Tag.contextConstructed0; // SignerInfo carries the signed SET as [0] IMPLICIT

    const signerInfo = derNode(Tag.sequence, this.signerInfoHead, signedSet, this.signatureAlgorithm, derNode(Tag.octetString, signature));
    const content = derNode(Tag.sequence, this.eContentType, derNode(Tag.contextConstructed0, derNode(Tag.octetString, tstInfo)));
    const certificates = order.certReq ? [this.certificatesField] : [];
    const signedData = derNode(Tag.sequence, this.signedDataHead, content, ...certificates, derNode(Tag.set, signerInfo));
    return encodeDer(derNode(Tag.sequence, this.contentInfoHead, derNode(Tag.contextConstructed0, signedData)));
  }

  /**
   * Answers a DER TimeStampReq with a DER TimeStampResp: granted with a token, or rejection with a PKIFailureInfo bit
   * and a statusString when the request is malformed, uses an algorithm, policy or extension we do not accept. Bad
   * input never throws; `serial` is only called for a granted reply, and its failures are the caller's to handle.
   */
  async reply(requestDer: Buffer, serial: () => Promise<bigint>, now: Date): Promise<Buffer> {
    let question: TimeStampQuestion;
    try {
      question = readTimeStampRequest(requestDer);
      if (question.reqPolicy !== undefined && question.reqPolicy !== this.policyOid) {
        throw new MalformedTimeStampRequest('unacceptedPolicy', `policy ${question.reqPolicy} is not the TSA policy ${this.policyOid}`);
      }
    } catch (err) {
      // Reading depends on the bytes alone, so whatever fails there is the request's fault.
      if (err instanceof MalformedTimeStampRequest) return rejectionResponse(err.failInfo, err.message);
      return rejectionResponse('badDataFormat', 'the request is not a DER TimeStampReq');
    }
    return grantedResponse(this.token(question, await serial(), now));
  }
}

function checkOrder(order: TimeStampOrder, serial: bigint, genTime: Date): void {
  const hash = timeStampHashes[order.hashAlgorithm];
  if (!hash) throw new Error(`TimeStampAuthority: unsupported hash algorithm ${String(order.hashAlgorithm)}`);
  if (order.digest.length !== hash.length) throw new Error(`TimeStampAuthority: a ${order.hashAlgorithm} digest has ${hash.length} bytes`);
  if (order.nonce && (order.nonce.length === 0 || order.nonce.length > MAX_NONCE_BYTES)) throw new Error('TimeStampAuthority: nonce must have 1 to 64 bytes');
  if (serial <= 0n || serial > MAX_SERIAL) throw new Error('TimeStampAuthority: serial must be a positive number of at most 160 bits');
  const year = genTime.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw new Error('TimeStampAuthority: genTime is not a valid date');
}

/** MessageImprint up to its digest bytes; SHA-2 parameters absent, as RFC 5754 asks of generators. */
function imprintPrefix(hash: TimeStampHash): Buffer {
  const { oid, length } = timeStampHashes[hash];
  const imprint = tlv(Tag.sequence, encode(algorithmIdentifier(oid, false)), tlv(Tag.octetString, Buffer.alloc(length)));
  return imprint.subarray(0, imprint.length - length);
}

/** Accuracy ::= SEQUENCE { seconds INTEGER OPTIONAL, millis [0] IMPLICIT INTEGER (1..999) OPTIONAL, micros ... }. */
function accuracyField(totalMillis: number): Buffer {
  if (totalMillis === 0) return Buffer.alloc(0);
  const seconds = Math.floor(totalMillis / 1000);
  const millis = totalMillis % 1000;
  const fields = [];
  if (seconds) fields.push(unsignedInteger(BigInt(seconds)));
  if (millis) {
    const integer = unsignedInteger(BigInt(millis));
    integer[0] = CONTEXT_PRIMITIVE_0;
    fields.push(integer);
  }
  return tlv(Tag.sequence, ...fields);
}
