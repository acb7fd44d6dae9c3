import * as asn1js from 'asn1js';
import { algorithmIdentifier, decodeExact, encode, Tag, tlv, unsignedInteger } from '../der.js';
import { timeStampHashes, timeStampHashOf, type TimeStampHash } from './hash-algorithms.js';

/** What a TimeStampReq (RFC 3161 §2.4.1) asks for. */
export interface TimeStampQuestion {
  hashAlgorithm: TimeStampHash;
  digest: Buffer;
  /** The nonce INTEGER's content bytes, echoed unchanged in the token. */
  nonce?: Buffer;
  certReq: boolean;
  reqPolicy?: string;
}

/** The PKIFailureInfo bits (RFC 3161 §2.4.2) a TSA answers bad requests with. */
export type TimeStampRequestFailure = 'badAlg' | 'badRequest' | 'badDataFormat' | 'unacceptedPolicy' | 'unacceptedExtension';

/** The request cannot be granted; `failInfo` is the bit the rejection carries. */
export class MalformedTimeStampRequest extends Error {
  constructor(
    readonly failInfo: TimeStampRequestFailure,
    message: string,
  ) {
    super(message);
  }
}

/** Longer nonces than this are not something a client sends (OpenSSL's is 8 bytes), and they are echoed. */
const MAX_NONCE_BYTES = 64;

/**
 * Reads a DER TimeStampReq by walking the asn1js tree, strictly: version 1, a SHA-2 imprint of the right length,
 * fields in their order, no extensions (we support none, so RFC 3161 says `unacceptedExtension`), no trailing
 * bytes. Anything else throws MalformedTimeStampRequest; nothing else is thrown.
 */
export function readTimeStampRequest(der: Buffer): TimeStampQuestion {
  let root: asn1js.AsnType;
  try {
    root = decodeExact(der, 'TimeStampReq');
  } catch (err) {
    throw new MalformedTimeStampRequest('badDataFormat', (err as Error).message);
  }
  const fields = sequence(root, 'TimeStampReq');
  const [version, imprint] = fields;
  if (!(version instanceof asn1js.Integer)) throw new MalformedTimeStampRequest('badDataFormat', 'version is not an INTEGER');
  if (version.valueBlock.valueHexView.length !== 1 || version.valueBlock.valueDec !== 1) throw new MalformedTimeStampRequest('badRequest', 'only version 1 requests are supported');
  const question: TimeStampQuestion = { ...messageImprint(imprint), certReq: false };

  let at = 2;
  if (fields[at] instanceof asn1js.ObjectIdentifier) question.reqPolicy = (fields[at++] as asn1js.ObjectIdentifier).valueBlock.toString();
  if (fields[at] instanceof asn1js.Integer) question.nonce = nonce(fields[at++] as asn1js.Integer);
  if (fields[at] instanceof asn1js.Boolean) question.certReq = (fields[at++] as asn1js.Boolean).valueBlock.value;
  const extra = fields[at];
  if (extra && extra.idBlock.tagClass === 3 && extra.idBlock.tagNumber === 0 && at === fields.length - 1) {
    throw new MalformedTimeStampRequest('unacceptedExtension', 'request extensions are not supported');
  }
  if (extra) throw new MalformedTimeStampRequest('badDataFormat', `unexpected field ${at + 1} in TimeStampReq`);
  return question;
}

function messageImprint(node: asn1js.AsnType | undefined): Pick<TimeStampQuestion, 'hashAlgorithm' | 'digest'> {
  const [algorithm, digest, ...rest] = sequence(node, 'messageImprint');
  const [oid, parameters, ...more] = sequence(algorithm, 'hashAlgorithm');
  if (rest.length || more.length || !(oid instanceof asn1js.ObjectIdentifier) || !(digest instanceof asn1js.OctetString)) {
    throw new MalformedTimeStampRequest('badDataFormat', 'messageImprint is not { AlgorithmIdentifier, OCTET STRING }');
  }
  const hashAlgorithm = timeStampHashOf(oid.valueBlock.toString());
  if (!hashAlgorithm) throw new MalformedTimeStampRequest('badAlg', `hash algorithm ${oid.valueBlock.toString()} is not accepted (SHA-256, SHA-384, SHA-512)`);
  if (parameters && !(parameters instanceof asn1js.Null)) throw new MalformedTimeStampRequest('badAlg', 'hash algorithm parameters must be absent or NULL');
  const bytes = Buffer.from(digest.getValue());
  if (bytes.length !== timeStampHashes[hashAlgorithm].length) {
    throw new MalformedTimeStampRequest('badDataFormat', `a ${hashAlgorithm} digest has ${timeStampHashes[hashAlgorithm].length} bytes, not ${bytes.length}`);
  }
  return { hashAlgorithm, digest: bytes };
}

function nonce(node: asn1js.Integer): Buffer {
  const bytes = node.valueBlock.valueHexView;
  if (!bytes.length || bytes.length > MAX_NONCE_BYTES) throw new MalformedTimeStampRequest('badDataFormat', `nonce must have 1 to ${MAX_NONCE_BYTES} bytes`);
  return Buffer.from(bytes);
}

function sequence(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new MalformedTimeStampRequest('badDataFormat', `${what} is not a SEQUENCE`);
  return node.valueBlock.value;
}

const BOOLEAN_TRUE = Buffer.from([0x01, 0x01, 0xff]);

/** Encodes a TimeStampReq (version 1; certReq written only when true, its DEFAULT being FALSE). */
export function timeStampQuery(question: Omit<TimeStampQuestion, 'certReq'> & { certReq?: boolean }): Buffer {
  const algorithm = encode(algorithmIdentifier(timeStampHashes[question.hashAlgorithm].oid, false));
  return tlv(
    Tag.sequence,
    unsignedInteger(1n),
    tlv(Tag.sequence, algorithm, tlv(Tag.octetString, question.digest)),
    ...(question.reqPolicy ? [encode(new asn1js.ObjectIdentifier({ value: question.reqPolicy }))] : []),
    ...(question.nonce ? [tlv(Tag.integer, question.nonce)] : []),
    ...(question.certReq ? [BOOLEAN_TRUE] : []),
  );
}
