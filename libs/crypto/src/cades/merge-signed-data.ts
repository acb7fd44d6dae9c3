import * as asn1js from 'asn1js';
import { DerReader, type DerElement } from '../der-elements.js';
import { encode, Tag, tlv } from '../der.js';

interface SignedDataParts {
  version: number;
  digestAlgorithms: Buffer[];
  encapContentInfo: Buffer;
  certificates: Buffer[];
  crls: Buffer[];
  signerInfos: Buffer[];
}

/**
 * Joins detached CMS SignedData made over the same content into one SignedData holding every SignerInfo (RFC 5652
 * §5.1 allows several signers), so that an ASiC-S container's single `signature.p7s` carries every signature of a
 * workflow — the teacher's, the principal's and the seal — each with its own unsigned attributes (time-stamp).
 * Nothing signed is re-encoded: certificates, CRLs and SignerInfos are copied byte for byte, duplicates dropped, in
 * the order given.
 */
export function mergeSignedData(signatures: Buffer[]): Buffer {
  if (!signatures.length) throw new Error('mergeSignedData: no signature to merge');
  const parts = signatures.map(readSignedData);
  const [first] = parts;
  for (const p of parts) {
    if (!p.encapContentInfo.equals(first.encapContentInfo)) throw new Error('mergeSignedData: the signatures cover different content types');
  }
  const all = (pick: (p: SignedDataParts) => Buffer[]) => unique(parts.flatMap(pick));
  const certificates = all((p) => p.certificates);
  const crls = all((p) => p.crls);
  const signedData = tlv(
    Tag.sequence,
    encode(new asn1js.Integer({ value: Math.max(...parts.map((p) => p.version)) })),
    tlv(Tag.set, ...all((p) => p.digestAlgorithms)),
    first.encapContentInfo,
    ...(certificates.length ? [tlv(Tag.contextConstructed0, ...certificates)] : []),
    ...(crls.length ? [tlv(Tag.contextConstructed1, ...crls)] : []),
    tlv(Tag.set, ...parts.flatMap((p) => p.signerInfos)),
  );
  return tlv(Tag.sequence, SIGNED_DATA_OID, tlv(Tag.contextConstructed0, signedData));
}

/**
 * Reads the outer layers only, as tag-length-value headers: copying elements needs no more, and asn1js decoding every
 * certificate and CRL inside cost 48 ms per document of three B-LT signatures (archiving's bottleneck, ~20 documents/s),
 * against 0.23 ms this way (measured on the dev box, same output bytes).
 */
function readSignedData(der: Buffer): SignedDataParts {
  const reader = new DerReader(der, 'mergeSignedData');
  const [type, wrapped] = reader.children(reader.root(0x30, 'ContentInfo'));
  if (type?.tag !== 0x06 || !reader.raw(type).equals(SIGNED_DATA_OID) || wrapped?.tag !== 0xa0) throw new Error('mergeSignedData: not CMS SignedData');
  const [signedData] = reader.children(wrapped);
  if (signedData?.tag !== 0x30) throw new Error('mergeSignedData: not CMS SignedData');
  const fields = reader.children(signedData);
  const [version, digestAlgorithms, encapContentInfo] = fields;
  const signerInfos = fields[fields.length - 1];
  if (version?.tag !== 0x02 || digestAlgorithms?.tag !== 0x31 || encapContentInfo?.tag !== 0x30 || signerInfos?.tag !== 0x31 || fields.length < 4)
    throw new Error('mergeSignedData: malformed SignedData');
  const inside = (e: DerElement | undefined) => (e ? reader.children(e).map((c) => reader.raw(c)) : []);
  return {
    version: reader.content(version).reduce((n, b) => n * 256 + b, 0),
    digestAlgorithms: inside(digestAlgorithms),
    encapContentInfo: reader.raw(encapContentInfo),
    certificates: inside(fields.find((f) => f.tag === 0xa0)),
    crls: inside(fields.find((f) => f.tag === 0xa1)),
    signerInfos: inside(signerInfos),
  };
}

const SIGNED_DATA_OID = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

/** Drops repeated elements (each signature carries the same chain and CRL), compared byte for byte. */
function unique(items: Buffer[]): Buffer[] {
  const kept: Buffer[] = [];
  for (const item of items) if (!kept.some((k) => k.equals(item))) kept.push(item);
  return kept;
}
