import type { HocBaSchool } from '@edu/contracts';
import { SIGNER_TITLES } from './certificate.schema.js';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';

/**
 * JSON Schemas (draft-07) of the administrative documents, hóa đơn (e-invoice) and hợp đồng (e-contract): an uploaded
 * PDF, carried in the content as base64 so that every signature covers its exact bytes, plus the metadata a school's
 * accounting files it by. The school and year read as in the học bạ, whose definitions are reused.
 */

const { school, schoolYear } = HOC_BA_CONTENT_SCHEMA.then.properties;
const DATE = { type: 'string', format: 'date' } as const;
const TEXT = (maxLength: number) => ({ type: 'string', minLength: 1, maxLength }) as const;

/** The largest PDF accepted: 8 MiB, 11 MB as base64, under the submission body limit. */
export const MAX_ATTACHMENT_BYTES = 8 * 1024 * 1024;

const ATTACHMENT = {
  type: 'object',
  additionalProperties: false,
  required: ['fileName', 'mediaType', 'size', 'sha256', 'data'],
  properties: {
    fileName: { type: 'string', pattern: '^[^\\\\/:*?"<>|\\u0000-\\u001f]{1,200}\\.[Pp][Dd][Ff]$' },
    mediaType: { type: 'string', enum: ['application/pdf'] },
    size: { type: 'integer', minimum: 1, maximum: MAX_ATTACHMENT_BYTES, description: 'Bytes of the PDF' },
    sha256: { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of the PDF, lower-case hex' },
    // No minLength or maxLength: ajv counts a string's code points one by one, 11 million of them for an 8 MiB PDF.
    // The size bounds it, and the submission checks that the data is exactly the base64 of `size` bytes.
    data: { type: 'string', description: 'The PDF, base64 (RFC 4648, padded), at most 11,184,812 characters' },
  },
} as const;

const TAX_CODE = { type: 'string', pattern: '^\\d{10}(-\\d{3})?$', description: 'Mã số thuế' } as const;
const AMOUNT = { type: 'integer', minimum: 0, maximum: 999_999_999_999_999, description: 'Đồng (VND)' } as const;
const PERSON = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'title'],
  properties: { name: TEXT(200), title: TEXT(100) },
} as const;
const PARTY = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: TEXT(300), taxCode: TAX_CODE, address: TEXT(500), representative: PERSON },
} as const;
const SIGNER = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'title'],
  properties: { name: TEXT(200), title: { type: 'string', enum: [...SIGNER_TITLES] } },
} as const;

export const INVOICE_CONTENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:edu-interop:documents:hoa-don:content:v1',
  title: 'Hóa đơn điện tử — nội dung',
  type: 'object',
  additionalProperties: false,
  required: ['school', 'schoolYear', 'form', 'series', 'number', 'issuedOn', 'buyer', 'amounts', 'currency', 'attachment', 'signer'],
  properties: {
    school,
    schoolYear,
    form: { type: 'string', enum: ['1', '2', '3', '4', '5', '6'], description: 'Ký hiệu mẫu số hóa đơn' },
    series: { type: 'string', pattern: '^[CK][0-9]{2}[TDLMNBGHX][A-Z]{2}$', description: 'Ký hiệu hóa đơn, e.g. C26TAA' },
    number: { type: 'string', pattern: '^[1-9][0-9]{0,7}$', description: 'Số hóa đơn' },
    issuedOn: DATE,
    buyer: PARTY,
    description: TEXT(2000),
    amounts: {
      type: 'object',
      additionalProperties: false,
      required: ['beforeTax', 'vat', 'total'],
      properties: { beforeTax: AMOUNT, vat: AMOUNT, total: AMOUNT },
    },
    currency: { type: 'string', enum: ['VND'] },
    attachment: ATTACHMENT,
    signer: SIGNER,
  },
} as const;

export const CONTRACT_CONTENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:edu-interop:documents:hop-dong:content:v1',
  title: 'Hợp đồng điện tử — nội dung',
  type: 'object',
  additionalProperties: false,
  required: ['school', 'schoolYear', 'number', 'title', 'signedOn', 'counterparty', 'effectiveFrom', 'attachment', 'signer'],
  properties: {
    school,
    schoolYear,
    number: { type: 'string', pattern: '^[0-9A-Za-zĐđ][0-9A-Za-zĐđ./_-]{0,59}$', description: 'Số hợp đồng, e.g. 15/2026/HĐ-THPT' },
    title: TEXT(300),
    signedOn: DATE,
    counterparty: PARTY,
    value: { ...AMOUNT, description: 'Giá trị hợp đồng, đồng (VND)' },
    effectiveFrom: DATE,
    effectiveTo: DATE,
    attachment: ATTACHMENT,
    signer: SIGNER,
  },
} as const;

export interface Attachment {
  fileName: string;
  mediaType: 'application/pdf';
  size: number;
  sha256: string;
  data: string;
}

export interface Party {
  name: string;
  taxCode?: string;
  address?: string;
  representative?: { name: string; title: string };
}

interface AdministrativeContent {
  school: HocBaSchool;
  schoolYear: string;
  attachment: Attachment;
  signer: { name: string; title: (typeof SIGNER_TITLES)[number] };
}

export interface InvoiceContent extends AdministrativeContent {
  form: '1' | '2' | '3' | '4' | '5' | '6';
  series: string;
  number: string;
  /** ISO date, YYYY-MM-DD. */
  issuedOn: string;
  buyer: Party;
  description?: string;
  amounts: { beforeTax: number; vat: number; total: number };
  currency: 'VND';
}

export interface ContractContent extends AdministrativeContent {
  number: string;
  title: string;
  signedOn: string;
  counterparty: Party;
  /** In đồng (VND). */
  value?: number;
  effectiveFrom: string;
  effectiveTo?: string;
}
