import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { decodeExact } from '../der.js';
import { Oid } from '../oids.js';
import type { LocalizedText } from './validation-report.js';

/** Bounds on what one CMS may make us parse: far above what any real signature carries. */
export const CmsLimits = {
  bytes: 16 * 1024 * 1024,
  certificates: 50,
  revocationValues: 50,
  signerInfos: 20,
} as const;

/** The input is not a well-formed CMS SignedData: reported as FAILED/FORMAT_FAILURE, with why. */
export class FormatProblem extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

export interface SignedDataParts {
  eContentType: string;
  /** The embedded content, when the CMS is not detached. */
  eContent?: Buffer;
  certificates: X509Certificate[];
  crls: Buffer[];
  /** OCSPResponse values carried as OtherRevocationInfoFormat id-ri-ocsp-response (RFC 5940). */
  ocspResponses: Buffer[];
  signerInfos: pkijs.SignerInfo[];
}

/**
 * Reads a ContentInfo holding SignedData (RFC 5652 §5), DER/BER or PEM. The outer layers are walked by hand so that
 * certificates keep their exact bytes (ESS hashes are over them) and so that a hostile input is refused early;
 * each SignerInfo is then read by pkijs. Throws FormatProblem, never anything else.
 */
export function readSignedData(blob: Uint8Array): SignedDataParts {
  try {
    return parse(Buffer.isBuffer(blob) ? blob : Buffer.from(blob));
  } catch (err) {
    if (err instanceof FormatProblem) throw err;
    throw new FormatProblem({
      vi: `Chữ ký không phải cấu trúc CMS SignedData hợp lệ (${describe(err)})`,
      en: `The signature is not a well-formed CMS SignedData (${describe(err)})`,
    });
  }
}

function parse(blob: Buffer): SignedDataParts {
  if (blob.length > CmsLimits.bytes) throw new FormatProblem({ vi: 'Chữ ký quá lớn', en: `The signature exceeds ${CmsLimits.bytes} bytes` });
  const contentInfo = children(decodeExact(derOf(blob), 'CMS'), 'ContentInfo');
  if (oidOf(contentInfo[0]) !== Oid.signedData) {
    throw new FormatProblem({ vi: 'Dữ liệu CMS không phải kiểu SignedData', en: 'The CMS content type is not SignedData' });
  }
  const fields = children(explicit(contentInfo[1], 0), 'SignedData');
  const encap = children(fields[2], 'EncapsulatedContentInfo');
  const eContent = encap[1] ? octets(explicit(encap[1], 0)) : undefined;
  const certificateBag = fields.find((field, i) => i > 2 && isContext(field, 0));
  const revocationBag = fields.find((field, i) => i > 2 && isContext(field, 1));
  const signerInfoSet = fields[fields.length - 1];
  if (!(signerInfoSet instanceof asn1js.Set) || fields.length < 4) throw new Error('signerInfos is missing');
  const signerInfoNodes = signerInfoSet.valueBlock.value;
  if (!signerInfoNodes.length) throw new FormatProblem({ vi: 'CMS không chứa chữ ký nào', en: 'The CMS holds no SignerInfo' });
  if (signerInfoNodes.length > CmsLimits.signerInfos) throw new FormatProblem({ vi: 'CMS chứa quá nhiều chữ ký', en: `The CMS holds more than ${CmsLimits.signerInfos} SignerInfos` });
  return {
    eContentType: oidOf(encap[0]),
    ...(eContent ? { eContent } : {}),
    certificates: certificatesIn(certificateBag),
    ...revocationValuesIn(revocationBag),
    signerInfos: signerInfoNodes.map((node) => new pkijs.SignerInfo({ schema: node })),
  };
}

/** CertificateChoices: only X.509 certificates (SEQUENCE) matter; attribute and other certificates are skipped. */
function certificatesIn(bag: asn1js.AsnType | undefined): X509Certificate[] {
  const ders = constructedItems(bag).filter((item) => item instanceof asn1js.Sequence).map(rawOf);
  if (ders.length > CmsLimits.certificates) throw new FormatProblem({ vi: 'CMS chứa quá nhiều chứng thư', en: `The CMS carries more than ${CmsLimits.certificates} certificates` });
  try {
    return ders.map((der) => new X509Certificate(der));
  } catch {
    throw new FormatProblem({ vi: 'CMS chứa chứng thư không hợp lệ', en: 'The CMS carries a malformed certificate' });
  }
}

/** RevocationInfoChoices: CRLs (SEQUENCE) and [1] OtherRevocationInfoFormat; only the OCSP format is read. */
function revocationValuesIn(bag: asn1js.AsnType | undefined): { crls: Buffer[]; ocspResponses: Buffer[] } {
  const items = constructedItems(bag);
  if (items.length > CmsLimits.revocationValues) throw new FormatProblem({ vi: 'CMS chứa quá nhiều dữ liệu thu hồi', en: `The CMS carries more than ${CmsLimits.revocationValues} revocation values` });
  const crls = items.filter((item) => item instanceof asn1js.Sequence).map(rawOf);
  const ocspResponses = items
    .filter((item) => isContext(item, 1))
    .map((item) => (item as asn1js.Constructed).valueBlock.value)
    .filter(([format, value]) => format instanceof asn1js.ObjectIdentifier && format.valueBlock.toString() === Oid.riOcspResponse && value)
    .map(([, value]) => rawOf(value));
  return { crls, ocspResponses };
}

const PEM = /^\s*-----BEGIN (CMS|PKCS7|SIGNED DATA)-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END \1-----\s*$/;

/** PEM (`openssl cms -outform PEM` writes `CMS`, older tools `PKCS7`) or binary as given. */
function derOf(blob: Buffer): Buffer {
  const head = blob.subarray(0, 64).toString('latin1').trimStart();
  if (!head.startsWith('-----BEGIN')) return blob;
  const match = PEM.exec(blob.toString('latin1'));
  if (!match) throw new FormatProblem({ vi: 'Khối PEM của chữ ký không hợp lệ', en: 'The signature is malformed PEM' });
  return Buffer.from(match[2].replace(/\s/g, ''), 'base64');
}

function children(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new Error(`${what} is not a SEQUENCE`);
  return node.valueBlock.value;
}

export function isContext(node: asn1js.AsnType | undefined, tag: number): boolean {
  return !!node && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === tag;
}

function explicit(node: asn1js.AsnType | undefined, tag: number): asn1js.AsnType {
  if (!isContext(node, tag) || !(node instanceof asn1js.Constructed) || node.valueBlock.value.length !== 1) throw new Error(`expected [${tag}] EXPLICIT`);
  return node.valueBlock.value[0];
}

function constructedItems(node: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!node) return [];
  if (!(node instanceof asn1js.Constructed)) throw new Error('expected a constructed element');
  return node.valueBlock.value;
}

function oidOf(node: asn1js.AsnType | undefined): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw new Error('expected an OBJECT IDENTIFIER');
  return node.valueBlock.toString();
}

/** An OCTET STRING's bytes; BER may split them into a constructed string of segments. */
export function octets(node: asn1js.AsnType | undefined, depth = 0): Buffer {
  if (!(node instanceof asn1js.OctetString) || depth > 4) throw new Error('expected an OCTET STRING');
  if (!node.idBlock.isConstructed) return Buffer.from(node.valueBlock.valueHexView);
  return Buffer.concat(node.valueBlock.value.map((part) => octets(part, depth + 1)));
}

export function rawOf(node: asn1js.AsnType): Buffer {
  return Buffer.from(node.valueBeforeDecodeView);
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}
