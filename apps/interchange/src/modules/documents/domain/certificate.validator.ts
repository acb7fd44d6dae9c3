import type { Expectations } from './document-type.interface.js';
import { CIRCULAR_42, issueDateProblem, schoolYearProblem, violationsOf, type RuleOrigin } from './document-rule.js';
import { fieldAt } from './hoc-ba-rule.js';
import { compileSchemaCheck, type SchemaCheck } from './hoc-ba.validator.js';
import { CERTIFICATE_CONTENT_SCHEMA, type CertificateContent } from './certificate.schema.js';

/** Stable rule codes of chứng chỉ and chứng nhận; never rename one. SCHOOL_YEAR means what it means for the học bạ. */
export const CertificateRule = {
  SCHOOL_YEAR: 'SCHOOL_YEAR',
  CERTIFICATE_HOLDER: 'CERTIFICATE_HOLDER',
  CERTIFICATE_ISSUE_DATE: 'CERTIFICATE_ISSUE_DATE',
} as const;
export type CertificateRule = (typeof CertificateRule)[keyof typeof CertificateRule];

const CIRCULAR_21: RuleOrigin['source'] = { vi: 'Thông tư 21/2019/TT-BGDĐT', en: 'Circular 21/2019/TT-BGDDT' };

const violation = violationsOf<CertificateRule>({
  SCHOOL_YEAR: { label: 'Năm học', source: CIRCULAR_42 },
  CERTIFICATE_HOLDER: { label: 'Người được cấp', source: CIRCULAR_42 },
  CERTIFICATE_ISSUE_DATE: { label: 'Ngày cấp', source: CIRCULAR_21 },
} satisfies Record<CertificateRule, RuleOrigin>);

const checkSchema: SchemaCheck<CertificateContent> = compileSchemaCheck(CERTIFICATE_CONTENT_SCHEMA, {
  vi: 'Chứng chỉ/chứng nhận',
  en: 'Certificate',
});

/**
 * Validates a chứng chỉ's or chứng nhận's content: structure first (INTERCHANGE.SCHEMA_INVALID), then, in a fixed
 * order, the school year, the holder and the issue date (INTERCHANGE.RULE_VIOLATED). Throws the first problem.
 */
export function validateCertificateContent(
  content: unknown,
  prefix: string,
  expected: Expectations,
): asserts content is CertificateContent {
  checkSchema(content, prefix);
  const yearProblem = schoolYearProblem(content.schoolYear, expected.schoolYear);
  if (yearProblem) throw violation('SCHOOL_YEAR', yearProblem, fieldAt(prefix, 'schoolYear'));
  const { holder } = content;
  const studentId = expected.subject.studentId;
  if (studentId !== undefined && studentId !== holder.studentId) {
    throw violation('CERTIFICATE_HOLDER', {
      vi: `mã định danh ${holder.studentId} khác học sinh của hồ sơ (${studentId})`,
      en: `sector ID ${holder.studentId} differs from the document's student (${studentId})`,
    }, fieldAt(prefix, 'holder', 'studentId'));
  }
  checkIssueDate(content, prefix);
}

/**
 * Our reading: an award belongs to the school year it names, and is issued from that year's opening (1 September) to
 * the end of the calendar year it closes in, leaving the autumn for late issues. ISO dates compare as strings.
 */
function checkIssueDate({ issuedOn, holder, schoolYear }: CertificateContent, prefix: string): void {
  const field = fieldAt(prefix, 'issuedOn');
  if (issuedOn < holder.dateOfBirth) {
    throw violation('CERTIFICATE_ISSUE_DATE', {
      vi: `ngày cấp ${issuedOn} trước ngày sinh của người được cấp (${holder.dateOfBirth})`,
      en: `issued on ${issuedOn}, before the holder's date of birth (${holder.dateOfBirth})`,
    }, field);
  }
  const window = issueDateProblem(issuedOn, schoolYear);
  if (window) throw violation('CERTIFICATE_ISSUE_DATE', window, field);
}
