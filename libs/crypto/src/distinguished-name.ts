import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { Oid } from './oids.js';

export interface CertificateSubject {
  commonName: string;
  organization?: string;
  organizationalUnit?: string;
  /** ISO 3166 alpha-2; defaults to VN. */
  country?: string;
  locality?: string;
  serialNumber?: string;
}

const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/;

const fieldOids: Array<[keyof CertificateSubject, string]> = [
  ['country', Oid.country],
  ['locality', Oid.locality],
  ['organization', Oid.organization],
  ['organizationalUnit', Oid.organizationalUnit],
  ['commonName', Oid.commonName],
  ['serialNumber', Oid.serialNumber],
];

/**
 * A Name with one attribute per RDN, country first. UTF8String keeps Vietnamese diacritics; country and serialNumber
 * are PrintableString as RFC 5280 asks.
 */
export function nameFromSubject(subject: CertificateSubject): pkijs.RelativeDistinguishedNames {
  const s = { ...subject, country: subject.country ?? 'VN' };
  if (!/^[A-Z]{2}$/.test(s.country)) throw new Error(`issueCertificate: country must be two capital letters, got ${s.country}`);
  if (!s.commonName?.trim()) throw new Error('issueCertificate: commonName is required');
  if (s.serialNumber !== undefined && !PRINTABLE.test(s.serialNumber)) {
    throw new Error('issueCertificate: subject serialNumber must be a PrintableString');
  }
  const attributes = fieldOids
    .filter(([field]) => s[field] !== undefined)
    .map(([field, type]) => {
      const value = s[field] as string;
      const printable = field === 'country' || field === 'serialNumber';
      return new pkijs.AttributeTypeAndValue({ type, value: printable ? new asn1js.PrintableString({ value }) : new asn1js.Utf8String({ value }) });
    });
  const rdns = attributes.map((attribute) => new asn1js.Set({ value: [attribute.toSchema()] }));
  // Parsed back from DER so pkijs keeps these bytes; built directly it would merge all attributes into one RDN.
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER());
}

/** The subject fields a Name carries; other attributes are ignored, and a repeated one keeps its first value. */
export function subjectFromName(name: pkijs.RelativeDistinguishedNames): Partial<CertificateSubject> {
  const subject: Partial<CertificateSubject> = {};
  for (const { type, value } of name.typesAndValues) {
    const field = fieldOids.find(([, oid]) => oid === type)?.[0];
    const text = (value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
    if (field && typeof text === 'string' && subject[field] === undefined) subject[field] = text;
  }
  return subject;
}

/** The subject Name of a DER certificate, with its exact bytes kept for re-encoding. */
export function subjectNameOf(certificateDer: Uint8Array): pkijs.RelativeDistinguishedNames {
  return pkijs.Certificate.fromBER(certificateDer).subject;
}
