import { X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import type * as pkijs from 'pkijs';
import { Oid } from '../oids.js';
import { CmsLimits, FormatProblem, isContext, rawOf } from './cms-structure.js';

/** More signature time-stamps than any upgrade path adds; each one costs a full token validation. */
const MAX_TIME_STAMPS = 4;

export interface UnsignedValues {
  /** Signature time-stamp tokens (id-aa-signatureTimeStampToken), DER ContentInfo each. */
  timeStampTokens: Buffer[];
  /** certificate-values (id-aa-ets-certValues). */
  certificates: X509Certificate[];
  /** revocation-values (id-aa-ets-revocationValues): CRLs and BasicOCSPResponses. */
  crls: Buffer[];
  basicOcspResponses: Buffer[];
}

/** The CAdES unsigned attributes that matter for validation (ETSI EN 319 122-1 §5.3 and §5.5). */
export function readUnsignedAttributes(signerInfo: pkijs.SignerInfo): UnsignedValues {
  const attributes = signerInfo.unsignedAttrs?.attributes ?? [];
  const valuesOf = (oid: string) => attributes.filter((attr) => attr.type === oid).flatMap((attr) => attr.values as asn1js.AsnType[]);
  const timeStampTokens = valuesOf(Oid.signatureTimeStampToken).map(rawOf);
  if (timeStampTokens.length > MAX_TIME_STAMPS) {
    throw new FormatProblem({ vi: 'Chữ ký có quá nhiều dấu thời gian', en: `The signature carries more than ${MAX_TIME_STAMPS} time-stamps` });
  }
  const certificateNodes = valuesOf(Oid.certificateValues).flatMap(sequenceItems);
  const revocationNodes = valuesOf(Oid.revocationValues).flatMap(sequenceItems);
  const tagged = (tag: number) => revocationNodes.filter((node) => isContext(node, tag)).flatMap((node) => sequenceItems((node as asn1js.Constructed).valueBlock.value[0]));
  const crls = tagged(0).map(rawOf);
  const basicOcspResponses = tagged(1).map(rawOf);
  if (certificateNodes.length > CmsLimits.certificates || crls.length + basicOcspResponses.length > CmsLimits.revocationValues) {
    throw new FormatProblem({ vi: 'Chữ ký chứa quá nhiều dữ liệu kiểm tra', en: 'The signature carries too much validation data' });
  }
  try {
    return { timeStampTokens, certificates: certificateNodes.map((node) => new X509Certificate(rawOf(node))), crls, basicOcspResponses };
  } catch {
    throw new FormatProblem({ vi: 'Thuộc tính certificate-values chứa chứng thư không hợp lệ', en: 'The certificate-values attribute holds a malformed certificate' });
  }
}

function sequenceItems(node: asn1js.AsnType | undefined): asn1js.AsnType[] {
  if (!(node instanceof asn1js.Sequence)) throw new FormatProblem({ vi: 'Thuộc tính không dấu không hợp lệ', en: 'An unsigned attribute is malformed' });
  return node.valueBlock.value;
}
