import * as asn1js from 'asn1js';
import { decodeExact, encode, Tag, tlv } from '../der.js';

/** PKIFailureInfo (RFC 3161 §2.4.2): name → bit number. */
export const timeStampFailureBits = {
  badAlg: 0,
  badRequest: 2,
  badDataFormat: 5,
  timeNotAvailable: 14,
  unacceptedPolicy: 15,
  unacceptedExtension: 16,
  addInfoNotAvailable: 17,
  systemFailure: 25,
} as const;
export type TimeStampFailure = keyof typeof timeStampFailureBits;

/** PKIStatus: 0 granted, 1 grantedWithMods, 2 rejection, 3 waiting, 4 revocationWarning, 5 revocationNotification. */
export interface TimeStampResponseInfo {
  status: number;
  statusString?: string;
  failInfo: TimeStampFailure[];
  /** The TimeStampToken's DER, present when granted. */
  token?: Buffer;
}

const GRANTED = encode(new asn1js.Sequence({ value: [new asn1js.Integer({ value: 0 })] }));
const REJECTION = encode(new asn1js.Integer({ value: 2 }));

/** TimeStampResp with status granted and the token (already DER). */
export function grantedResponse(tokenDer: Buffer): Buffer {
  return tlv(Tag.sequence, GRANTED, tokenDer);
}

/** TimeStampResp with status rejection, a statusString and one PKIFailureInfo bit. */
export function rejectionResponse(failInfo: TimeStampFailure, statusString: string): Buffer {
  const text = encode(new asn1js.Sequence({ value: [new asn1js.Utf8String({ value: statusString })] }));
  return tlv(Tag.sequence, tlv(Tag.sequence, REJECTION, text, namedBit(timeStampFailureBits[failInfo])));
}

/** A BIT STRING with one named bit set, in DER: trailing zero bits dropped and counted as unused. */
function namedBit(bit: number): Buffer {
  const bytes = Buffer.alloc(Math.floor(bit / 8) + 1);
  bytes[bytes.length - 1] = 0x80 >> bit % 8;
  return tlv(Tag.bitString, Buffer.from([7 - (bit % 8)]), bytes);
}

/** Reads a TimeStampResp (RFC 3161 §2.4.2); throws on anything that is not one. */
export function readTimeStampResponse(der: Buffer): TimeStampResponseInfo {
  const root = decodeExact(der, 'TimeStampResp');
  const [statusInfo, token, ...rest] = children(root, 'TimeStampResp');
  const [status, ...optional] = children(statusInfo, 'PKIStatusInfo');
  if (!(status instanceof asn1js.Integer) || rest.length) throw new Error('TimeStampResp is not { PKIStatusInfo, TimeStampToken OPTIONAL }');
  const info: TimeStampResponseInfo = { status: status.valueBlock.valueDec, failInfo: [] };
  for (const field of optional) {
    if (field instanceof asn1js.Sequence) {
      info.statusString = field.valueBlock.value.map((text) => (text instanceof asn1js.Utf8String ? text.valueBlock.value : '')).join('; ');
    } else if (field instanceof asn1js.BitString) {
      info.failInfo = failuresOf(field.valueBlock.valueHexView);
    } else throw new Error('PKIStatusInfo has an unexpected field');
  }
  if (token) {
    if (!(token instanceof asn1js.Sequence)) throw new Error('TimeStampToken is not a SEQUENCE');
    info.token = Buffer.from(token.valueBeforeDecodeView);
  }
  return info;
}

function failuresOf(bits: Uint8Array): TimeStampFailure[] {
  return (Object.keys(timeStampFailureBits) as TimeStampFailure[]).filter((name) => {
    const bit = timeStampFailureBits[name];
    return (bits[Math.floor(bit / 8)] ?? 0) & (0x80 >> bit % 8);
  });
}

function children(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new Error(`${what} is not a SEQUENCE`);
  return node.valueBlock.value;
}
