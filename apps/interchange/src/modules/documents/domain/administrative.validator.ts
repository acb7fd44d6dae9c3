import type { LocalizedMessage } from '@edu/errors';
import type { Expectations } from './document-type.interface.js';
import { schoolYearProblem, violationsOf, type RuleOrigin } from './document-rule.js';
import { fieldAt } from './hoc-ba-rule.js';
import { compileSchemaCheck, type SchemaCheck } from './hoc-ba.validator.js';
import { CONTRACT_CONTENT_SCHEMA, INVOICE_CONTENT_SCHEMA, type ContractContent, type InvoiceContent } from './administrative.schema.js';

/** Stable rule codes of hóa đơn and hợp đồng; never rename one. SCHOOL_YEAR means what it means for the học bạ. */
export const AdministrativeRule = {
  SCHOOL_YEAR: 'SCHOOL_YEAR',
  FILED_IN_SCHOOL_YEAR: 'FILED_IN_SCHOOL_YEAR',
  INVOICE_SERIES_YEAR: 'INVOICE_SERIES_YEAR',
  INVOICE_TOTAL: 'INVOICE_TOTAL',
  CONTRACT_TERM: 'CONTRACT_TERM',
} as const;
export type AdministrativeRule = (typeof AdministrativeRule)[keyof typeof AdministrativeRule];

const DECREE_123: LocalizedMessage = { vi: 'Nghị định 123/2020/NĐ-CP', en: 'Decree 123/2020/ND-CP' };
const CIRCULAR_78: LocalizedMessage = { vi: 'Thông tư 78/2021/TT-BTC', en: 'Circular 78/2021/TT-BTC' };
const CIVIL_CODE: LocalizedMessage = { vi: 'Bộ luật Dân sự 2015', en: 'Civil Code 2015' };
const FILING: LocalizedMessage = { vi: 'quy ước lưu trữ theo năm học', en: 'filing by school year' };

const violation = violationsOf<AdministrativeRule>({
  SCHOOL_YEAR: { label: 'Năm học', source: FILING },
  FILED_IN_SCHOOL_YEAR: { label: 'Ngày lập trong năm học', source: FILING },
  INVOICE_SERIES_YEAR: { label: 'Ký hiệu hóa đơn', source: CIRCULAR_78 },
  INVOICE_TOTAL: { label: 'Tổng tiền thanh toán', source: DECREE_123 },
  CONTRACT_TERM: { label: 'Thời hạn hợp đồng', source: CIVIL_CODE },
} satisfies Record<AdministrativeRule, RuleOrigin>);

const checkInvoiceSchema: SchemaCheck<InvoiceContent> = compileSchemaCheck(INVOICE_CONTENT_SCHEMA, { vi: 'Hóa đơn', en: 'Invoice' });
const checkContractSchema: SchemaCheck<ContractContent> = compileSchemaCheck(CONTRACT_CONTENT_SCHEMA, { vi: 'Hợp đồng', en: 'Contract' });

/**
 * Validates a hóa đơn's content: structure first (INTERCHANGE.SCHEMA_INVALID), then the school year, the issue date
 * within it, the series' year and the total (INTERCHANGE.RULE_VIOLATED). The PDF itself is checked apart (it is
 * decoded and parsed, which is work for the submission's handler, not for a synchronous check).
 */
export function validateInvoiceContent(content: unknown, prefix: string, expected: Expectations): asserts content is InvoiceContent {
  checkInvoiceSchema(content, prefix);
  checkSchoolYear(content.schoolYear, expected, prefix);
  checkFiledInYear(content.issuedOn, content.schoolYear, fieldAt(prefix, 'issuedOn'));
  // The series' two digits are the year the invoice is made out in (Circular 78/2021, Art. 4(2)).
  const seriesYear = content.series.slice(1, 3);
  if (seriesYear !== content.issuedOn.slice(2, 4)) {
    throw violation('INVOICE_SERIES_YEAR', {
      vi: `ký hiệu ${content.series} mang năm ${seriesYear}, hóa đơn lập ngày ${content.issuedOn}`,
      en: `series ${content.series} names year ${seriesYear}, the invoice is dated ${content.issuedOn}`,
    }, fieldAt(prefix, 'series'));
  }
  const { beforeTax, vat, total } = content.amounts;
  if (beforeTax + vat !== total) {
    throw violation('INVOICE_TOTAL', {
      vi: `tổng tiền ${total} khác tiền trước thuế ${beforeTax} cộng thuế GTGT ${vat}`,
      en: `total ${total} is not the amount before tax ${beforeTax} plus VAT ${vat}`,
    }, fieldAt(prefix, 'amounts', 'total'));
  }
}

/** Validates a hợp đồng's content: structure, the school year, the signing date within it, and its term. */
export function validateContractContent(content: unknown, prefix: string, expected: Expectations): asserts content is ContractContent {
  checkContractSchema(content, prefix);
  checkSchoolYear(content.schoolYear, expected, prefix);
  checkFiledInYear(content.signedOn, content.schoolYear, fieldAt(prefix, 'signedOn'));
  const { effectiveFrom, effectiveTo } = content;
  if (effectiveTo !== undefined && effectiveTo < effectiveFrom) {
    throw violation('CONTRACT_TERM', {
      vi: `hợp đồng hết hiệu lực ngày ${effectiveTo}, trước ngày có hiệu lực ${effectiveFrom}`,
      en: `the contract ends on ${effectiveTo}, before it takes effect on ${effectiveFrom}`,
    }, fieldAt(prefix, 'effectiveTo'));
  }
}

function checkSchoolYear(schoolYear: string, expected: Expectations, prefix: string): void {
  const problem = schoolYearProblem(schoolYear, expected.schoolYear);
  if (problem) throw violation('SCHOOL_YEAR', problem, fieldAt(prefix, 'schoolYear'));
}

/**
 * Our reading: a school files an invoice or contract under the school year its date falls in, 1 September to
 * 31 August. ISO dates compare as strings.
 */
function checkFiledInYear(date: string, schoolYear: string, field: string): void {
  const [start, end] = schoolYear.split('-');
  const [from, to] = [`${start}-09-01`, `${end}-08-31`];
  if (date >= from && date <= to) return;
  throw violation('FILED_IN_SCHOOL_YEAR', {
    vi: `ngày ${date} nằm ngoài năm học ${schoolYear} (từ ${from} đến ${to})`,
    en: `${date} falls outside school year ${schoolYear} (${from} to ${to})`,
  }, field);
}
