import { DomainError, type LocalizedMessage } from '@edu/errors';

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
  RULE_VIOLATED: 'INTERCHANGE.RULE_VIOLATED',
} as const;

const C22: LocalizedMessage = { vi: 'Thông tư 22/2021/TT-BGDĐT', en: 'Circular 22/2021/TT-BGDDT' };
const C27: LocalizedMessage = { vi: 'Thông tư 27/2020/TT-BGDĐT', en: 'Circular 27/2020/TT-BGDDT' };
const C42: LocalizedMessage = { vi: 'Thông tư 42/2021/TT-BGDĐT', en: 'Circular 42/2021/TT-BGDDT' };
const CCCD: LocalizedMessage = { vi: 'Thông tư 07/2016/TT-BCA', en: 'Circular 07/2016/TT-BCA' };

/** Where each rule comes from, and its short Vietnamese name as teachers know it. */
const RULE_SOURCE: Record<HocBaRule, { label: string; source: LocalizedMessage }> = {
  SCHOOL_YEAR: { label: 'Năm học', source: C42 },
  GRADE_LEVEL: { label: 'Khối lớp', source: C42 },
  STUDENT_IDENTITY: { label: 'Số định danh cá nhân', source: CCCD },
  SUBJECT_SET: { label: 'Môn học', source: C22 },
  REGULAR_SCORE_COUNT: { label: 'Số ĐĐGtx', source: C22 },
  TERM_AVERAGE: { label: 'ĐTBmhk', source: C22 },
  YEAR_AVERAGE: { label: 'ĐTBmcn', source: C22 },
  COMMENT_SUBJECT_RESULT: { label: 'Môn đánh giá bằng nhận xét', source: C22 },
  LEARNING_RESULT: { label: 'Kết quả học tập', source: C22 },
  PROMOTION: { label: 'Lên lớp', source: C22 },
  AWARD: { label: 'Khen thưởng', source: C22 },
  PRIMARY_SUBJECT_SET: { label: 'Môn học và hoạt động giáo dục', source: C27 },
  PRIMARY_TEST_SCORE: { label: 'Bài kiểm tra định kì', source: C27 },
  PRIMARY_YEAR_RESULT: { label: 'Kết quả giáo dục', source: C27 },
  PRIMARY_PROMOTION: { label: 'Hoàn thành chương trình lớp học', source: C27 },
  PRIMARY_AWARD: { label: 'Khen thưởng', source: C27 },
};

/** A DomainError that also carries the broken rule, so callers need not parse the message. */
export class HocBaRuleViolation extends DomainError {
  constructor(
    readonly rule: HocBaRule,
    detail: LocalizedMessage,
    field: string,
  ) {
    const { label, source } = RULE_SOURCE[rule];
    super(
      HocBaErrorCode.RULE_VIOLATED,
      'invalid',
      {
        vi: `Vi phạm quy tắc ${rule} – ${label} (${source.vi}): ${detail.vi}`,
        en: `Rule ${rule} (${source.en}) broken: ${detail.en}`,
      },
      field,
    );
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
