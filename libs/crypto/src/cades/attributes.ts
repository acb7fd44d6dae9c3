import * as asn1js from 'asn1js';
import { certificateParts } from '../certificate-der.js';
import { decodeExact, DerNode, derNode, encode, Tag } from '../der.js';
import { sha256 } from '../hash.js';
import { Oid } from '../oids.js';

/**
 * CMS attributes shared by the signers (CmsSigner, TimeStampAuthority). Each is laid out once by asn1js; per signature
 * only a digest or a time is appended to a cached prefix, or an already-encoded value is wrapped.
 */

export function attribute(oid: string, value: asn1js.AsnType): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: oid }), new asn1js.Set({ value: [value] })],
  });
}

/** The encoding of a fixed-size attribute up to its last `valueLength` bytes. */
export function attributePrefix(oid: string, sample: asn1js.AsnType, valueLength: number): Buffer {
  const der = encode(attribute(oid, sample));
  return der.subarray(0, der.length - valueLength);
}

/** messageDigest with a SHA-256 value: append the 32 digest bytes. */
export const sha256MessageDigestPrefix = attributePrefix(Oid.messageDigest, new asn1js.OctetString({ valueHex: new Uint8Array(32) }), 32);

export function contentTypeAttribute(contentTypeOid: string): Buffer {
  return encode(attribute(Oid.contentType, new asn1js.ObjectIdentifier({ value: contentTypeOid })));
}

/**
 * ESS signing-certificate-v2 (RFC 5035) with one ESSCertIDv2 naming `certDer` by hash and issuer/serial;
 * hashAlgorithm is left out because SHA-256 is its DEFAULT.
 */
export function signingCertificateV2Attribute(certDer: Buffer): Buffer {
  const cert = certificateParts(certDer);
  const generalNames = new asn1js.Sequence({
    value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [decodeExact(cert.issuerDer, 'issuer name')] })],
  });
  const issuerSerial = new asn1js.Sequence({ value: [generalNames, decodeExact(cert.serialDer, 'serial number')] });
  const essCertId = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certDer) }), issuerSerial] });
  return encode(attribute(Oid.signingCertificateV2, new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })));
}

const signatureTimeStampOid = encode(new asn1js.ObjectIdentifier({ value: Oid.signatureTimeStampToken }));

/** id-aa-signatureTimeStampToken (RFC 3161 appendix A, CAdES B-T): the token, already DER, as the one value. */
export function signatureTimeStampAttribute(tokenDer: Buffer): DerNode {
  return derNode(Tag.sequence, signatureTimeStampOid, derNode(Tag.set, tokenDer));
}

/** The certificates in order, each once (compared by their bytes). */
export function uniqueCertificates(ders: Buffer[]): Buffer[] {
  return ders.filter((der, i) => ders.findIndex((other) => other.length === der.length && other.equals(der)) === i);
}
