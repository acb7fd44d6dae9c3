import type { LocalizedMessage } from '@edu/errors';
import { CIRCULAR_22, CIRCULAR_42, DocumentRuleViolation, RULE_VIOLATED, type RuleOrigin } from './document-rule.js';

/** Stable rule codes: clients and operators' dashboards switch on them, so never rename one. */
export const HocBaRule = {
  SCHOOL_YEAR: 'SCHOOL_YEAR',
  GRADE_LEVEL: 'GRADE_LEVEL',
  STUDENT_IDENTITY: 'STUDENT_IDENTITY',
  SUBJECT_SET: 'SUBJECT_SET',
  REGULAR_SCORE_COUNT: 'REGULAR_SCORE_COUNT',
  TERM_AVERAGE: 'TERM_AVERAGE',
  YEAR_AVERAGE: 'YEAR_AVERAGE',
  COMMENT_SUBJECT_RESULT: 'COMMENT_SUBJECT_RESULT',
  LEARNING_RESULT: 'LEARNING_RESULT',
  PROMOTION: 'PROMOTION',
  AWARD: 'AWARD',
  PRIMARY_SUBJECT_SET: 'PRIMARY_SUBJECT_SET',
  PRIMARY_TEST_SCORE: 'PRIMARY_TEST_SCORE',
  PRIMARY_YEAR_RESULT: 'PRIMARY_YEAR_RESULT',
  PRIMARY_PROMOTION: 'PRIMARY_PROMOTION',
  PRIMARY_AWARD: 'PRIMARY_AWARD',
} as const;
export type HocBaRule = (typeof HocBaRule)[keyof typeof HocBaRule];

export const HocBaErrorCode = {
  SCHEMA_INVALID: 'INTERCHANGE.SCHEMA_INVALID',
  RULE_VIOLATED,
} as const;

const C27: LocalizedMessage = { vi: 'Thông tư 27/2020/TT-BGDĐT', en: 'Circular 27/2020/TT-BGDDT' };
const CCCD: LocalizedMessage = { vi: 'Thông tư 07/2016/TT-BCA', en: 'Circular 07/2016/TT-BCA' };

/** Where each rule comes from, and its short Vietnamese name as teachers know it. */
const RULE_SOURCE: Record<HocBaRule, RuleOrigin> = {
  SCHOOL_YEAR: { label: 'Năm học', source: CIRCULAR_42 },
  GRADE_LEVEL: { label: 'Khối lớp', source: CIRCULAR_42 },
  STUDENT_IDENTITY: { label: 'Số định danh cá nhân', source: CCCD },
  SUBJECT_SET: { label: 'Môn học', source: CIRCULAR_22 },
  REGULAR_SCORE_COUNT: { label: 'Số ĐĐGtx', source: CIRCULAR_22 },
  TERM_AVERAGE: { label: 'ĐTBmhk', source: CIRCULAR_22 },
  YEAR_AVERAGE: { label: 'ĐTBmcn', source: CIRCULAR_22 },
  COMMENT_SUBJECT_RESULT: { label: 'Môn đánh giá bằng nhận xét', source: CIRCULAR_22 },
  LEARNING_RESULT: { label: 'Kết quả học tập', source: CIRCULAR_22 },
  PROMOTION: { label: 'Lên lớp', source: CIRCULAR_22 },
  AWARD: { label: 'Khen thưởng', source: CIRCULAR_22 },
  PRIMARY_SUBJECT_SET: { label: 'Môn học và hoạt động giáo dục', source: C27 },
  PRIMARY_TEST_SCORE: { label: 'Bài kiểm tra định kì', source: C27 },
  PRIMARY_YEAR_RESULT: { label: 'Kết quả giáo dục', source: C27 },
  PRIMARY_PROMOTION: { label: 'Hoàn thành chương trình lớp học', source: C27 },
  PRIMARY_AWARD: { label: 'Khen thưởng', source: C27 },
};

/** A broken rule of the học bạ, with its source from the table above. */
export class HocBaRuleViolation extends DocumentRuleViolation<HocBaRule> {
  constructor(rule: HocBaRule, detail: LocalizedMessage, field: string) {
    super(rule, RULE_SOURCE[rule], detail, field);
  }
}

/** Scores print with one decimal in both languages, as the record stores them. */
export function formatScore(tenths: number): string {
  return (tenths / 10).toFixed(1);
}

export const TERM_NAME = {
  hk1: { vi: 'học kì I', en: 'term I' },
  hk2: { vi: 'học kì II', en: 'term II' },
  year: { vi: 'cả năm', en: 'the year' },
} as const;

/** Builds `content.subjects[3].terms.hk1` from a prefix and path segments. */
export function fieldAt(prefix: string, ...segments: (string | number)[]): string {
  return segments.reduce<string>((path, s) => (typeof s === 'number' ? `${path}[${s}]` : `${path}.${s}`), prefix);
}
