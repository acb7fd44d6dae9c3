import * as asn1js from 'asn1js';
import { Oid } from '../oids.js';
import { encode, Tag, tlv } from '../der.js';

const raw = (block: asn1js.AsnType) => Buffer.from((block as asn1js.BaseBlock).valueBeforeDecodeView);

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
  return tlv(Tag.sequence, encode(new asn1js.ObjectIdentifier({ value: Oid.signedData })), tlv(Tag.contextConstructed0, signedData));
}

function readSignedData(der: Buffer): SignedDataParts {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset === -1 || parsed.offset !== der.length) throw new Error('mergeSignedData: not one DER structure');
  const contentInfo = parsed.result as asn1js.Sequence;
  const [type, wrapped] = contentInfo.valueBlock.value as [asn1js.ObjectIdentifier, asn1js.Constructed];
  if (type?.valueBlock.toString() !== Oid.signedData || !wrapped) throw new Error('mergeSignedData: not CMS SignedData');
  const fields = (wrapped.valueBlock.value[0] as asn1js.Sequence).valueBlock.value;
  const [version, digestAlgorithms, encapContentInfo] = fields as [asn1js.Integer, asn1js.Set, asn1js.Sequence];
  const tagged = (n: number) => fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === n) as asn1js.Constructed | undefined;
  const signerInfos = fields[fields.length - 1] as asn1js.Set;
  return {
    version: version.valueBlock.valueDec,
    digestAlgorithms: digestAlgorithms.valueBlock.value.map(raw),
    encapContentInfo: raw(encapContentInfo),
    certificates: (tagged(0)?.valueBlock.value ?? []).map(raw),
    crls: (tagged(1)?.valueBlock.value ?? []).map(raw),
    signerInfos: signerInfos.valueBlock.value.map(raw),
  };
}

function unique(items: Buffer[]): Buffer[] {
  const seen = new Set<string>();
  return items.filter((b) => {
    const key = b.toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
