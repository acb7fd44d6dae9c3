import { DomainError, type LocalizedMessage } from '@edu/errors';
import type { SchoolLevel, SecondaryLevel } from '@edu/contracts';

/** The code of every broken rule of every document type; the rule itself is named in `rule` and the messages. */
export const RULE_VIOLATED = 'INTERCHANGE.RULE_VIOLATED';

/** Where a rule comes from, and its short Vietnamese name as school staff know it. */
export interface RuleOrigin {
  label: string;
  source: LocalizedMessage;
}

export const CIRCULAR_22: LocalizedMessage = { vi: 'Thông tư 22/2021/TT-BGDĐT', en: 'Circular 22/2021/TT-BGDDT' };
export const CIRCULAR_42: LocalizedMessage = { vi: 'Thông tư 42/2021/TT-BGDĐT', en: 'Circular 42/2021/TT-BGDDT' };

/**
 * A broken rule of a document type (code INTERCHANGE.RULE_VIOLATED, the rule in `rule` and in both messages), in one
 * shape for every type, so clients treat every document alike.
 */
export class DocumentRuleViolation<R extends string = string> extends DomainError {
  constructor(
    readonly rule: R,
    origin: RuleOrigin,
    detail: LocalizedMessage,
    field: string,
  ) {
    const vi = `Vi phạm quy tắc ${rule} – ${origin.label} (${origin.source.vi}): ${detail.vi}`;
    super(RULE_VIOLATED, 'invalid', { vi, en: `Rule ${rule} (${origin.source.en}) broken: ${detail.en}` }, field);
  }
}

/** Binds a document type's rule table, so its checks name only the rule: `violation('TERM_AVERAGE', detail, field)`. */
export function violationsOf<R extends string>(origins: Record<R, RuleOrigin>) {
  return (rule: R, detail: LocalizedMessage, field: string) => new DocumentRuleViolation(rule, origins[rule], detail, field);
}

/** What is wrong with a school year: not two consecutive years, or not the one the document's envelope names. */
export function schoolYearProblem(schoolYear: string, expected: string | undefined): LocalizedMessage | undefined {
  const [start, end] = schoolYear.split('-').map(Number);
  if (end !== start + 1) {
    return { vi: `năm học ${schoolYear} phải gồm hai năm liên tiếp`, en: `school year ${schoolYear} must span two consecutive years` };
  }
  if (expected !== undefined && expected !== schoolYear) {
    return { vi: `năm học ${schoolYear} khác năm học của hồ sơ (${expected})`, en: `school year ${schoolYear} differs from the document's (${expected})` };
  }
  return undefined;
}

/**
 * Our reading, for documents issued in a school year (certificates, transcripts): from its opening (1 September) to the
 * end of the calendar year it closes in. What is wrong with `issuedOn`, if anything. ISO dates compare as strings.
 */
export function issueDateProblem(issuedOn: string, schoolYear: string): LocalizedMessage | undefined {
  const [start, end] = schoolYear.split('-');
  const [from, to] = [`${start}-09-01`, `${end}-12-31`];
  if (issuedOn >= from && issuedOn <= to) return undefined;
  return {
    vi: `ngày cấp ${issuedOn} phải trong khoảng từ ${from} đến ${to} của năm học ${schoolYear}`,
    en: `issued on ${issuedOn}, outside ${from} to ${to} for school year ${schoolYear}`,
  };
}

/**
 * The school's level, when it is lower or upper secondary; otherwise INTERCHANGE.EXAMPLE_UNAVAILABLE, for a document
 * (`what`) that only secondary schools keep here.
 */
export function secondaryLevelFor(level: SchoolLevel, what: LocalizedMessage): SecondaryLevel {
  if (level !== 'TIEU_HOC') return level;
  throw new DomainError('INTERCHANGE.EXAMPLE_UNAVAILABLE', 'unprocessable', {
    vi: `Trường tiểu học không có ${what.vi}: ${what.vi} chỉ dành cho cấp THCS và THPT`,
    en: `A primary school has no ${what.en}: it covers lower and upper secondary only`,
  }, 'type');
}
