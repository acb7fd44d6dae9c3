import * as asn1js from 'asn1js';

/** A positive INTEGER from hex, minimally encoded with a 00 pad when the top bit is set; at most 20 bytes (RFC 5280). */
export function serialInteger(hex: string): asn1js.Integer {
  if (!/^[0-9a-fA-F]+$/.test(hex)) throw new Error('serial must be hexadecimal');
  let digits = hex.toLowerCase().replace(/^0+/, '');
  if (digits === '') throw new Error('serial must be positive');
  if (digits.length % 2) digits = '0' + digits;
  if (parseInt(digits.slice(0, 2), 16) >= 0x80) digits = '00' + digits;
  if (digits.length > 42) throw new Error('serial must fit in 20 bytes');
  return new asn1js.Integer({ valueHex: Buffer.from(digits, 'hex') });
}

/** Lower-case hex without the sign pad, as OpenSSL prints serials and as certificate records key them. */
export function serialHexOf(integer: asn1js.Integer): string {
  const hex = Buffer.from(integer.valueBlock.valueHexView).toString('hex');
  return hex.length > 2 && hex.startsWith('00') ? hex.slice(2) : hex;
}
