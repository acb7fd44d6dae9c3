import type { LocalizedMessage } from '@edu/errors';
import { CIRCULAR_22, CIRCULAR_42, violationsOf, type DocumentRuleViolation, type RuleOrigin } from './document-rule.js';
import type { SoDiemContent } from './so-diem.schema.js';

/**
 * Stable rule codes of the sổ điểm; never rename one. Those shared with the học bạ mean the same there, so a client
 * handles them once.
 */
export const GradeBookRule = {
  SCHOOL_YEAR: 'SCHOOL_YEAR',
  GRADE_BOOK_SCOPE: 'GRADE_BOOK_SCOPE',
  GRADE_LEVEL: 'GRADE_LEVEL',
  SUBJECT_SET: 'SUBJECT_SET',
  GRADE_BOOK_DUPLICATE_STUDENT: 'GRADE_BOOK_DUPLICATE_STUDENT',
  REGULAR_SCORE_COUNT: 'REGULAR_SCORE_COUNT',
  TERM_AVERAGE: 'TERM_AVERAGE',
  TERM_RESULT: 'TERM_RESULT',
  PRIMARY_TEST_SCORE: 'PRIMARY_TEST_SCORE',
} as const;
export type GradeBookRule = (typeof GradeBookRule)[keyof typeof GradeBookRule];

type SharedRule = 'SCHOOL_YEAR' | 'GRADE_BOOK_SCOPE' | 'GRADE_LEVEL' | 'SUBJECT_SET' | 'GRADE_BOOK_DUPLICATE_STUDENT';
type SecondaryRule = SharedRule | 'REGULAR_SCORE_COUNT' | 'TERM_AVERAGE' | 'TERM_RESULT';
type PrimaryRule = SharedRule | 'PRIMARY_TEST_SCORE';

const CIRCULAR_27: LocalizedMessage = { vi: 'Thông tư 27/2020/TT-BGDĐT', en: 'Circular 27/2020/TT-BGDDT' };

/** A secondary grade book's rules come from Circular 22/2021 (the school year and grades from Circular 42/2021). */
export const secondaryViolation = violationsOf<SecondaryRule>({
  SCHOOL_YEAR: { label: 'Năm học', source: CIRCULAR_42 },
  GRADE_BOOK_SCOPE: { label: 'Lớp, môn học, học kì của sổ', source: CIRCULAR_22 },
  GRADE_LEVEL: { label: 'Khối lớp', source: CIRCULAR_42 },
  SUBJECT_SET: { label: 'Môn học', source: CIRCULAR_22 },
  GRADE_BOOK_DUPLICATE_STUDENT: { label: 'Danh sách học sinh', source: CIRCULAR_22 },
  REGULAR_SCORE_COUNT: { label: 'Số ĐĐGtx', source: CIRCULAR_22 },
  TERM_AVERAGE: { label: 'ĐTBmhk', source: CIRCULAR_22 },
  TERM_RESULT: { label: 'Kết quả học kì của môn đánh giá bằng nhận xét', source: CIRCULAR_22 },
} satisfies Record<SecondaryRule, RuleOrigin>);

/** A primary grade book's rules come from Circular 27/2020 (the school year and grades from Circular 42/2021). */
export const primaryViolation = violationsOf<PrimaryRule>({
  SCHOOL_YEAR: { label: 'Năm học', source: CIRCULAR_42 },
  GRADE_BOOK_SCOPE: { label: 'Lớp, môn học, học kì của sổ', source: CIRCULAR_27 },
  GRADE_LEVEL: { label: 'Khối lớp', source: CIRCULAR_42 },
  SUBJECT_SET: { label: 'Môn học và hoạt động giáo dục', source: CIRCULAR_27 },
  GRADE_BOOK_DUPLICATE_STUDENT: { label: 'Danh sách học sinh', source: CIRCULAR_27 },
  PRIMARY_TEST_SCORE: { label: 'Bài kiểm tra định kì', source: CIRCULAR_27 },
} satisfies Record<PrimaryRule, RuleOrigin>);

/** The binder for the rules every form shares, with the source of the content's own form. */
export function sharedViolation(content: SoDiemContent): (rule: SharedRule, detail: LocalizedMessage, field: string) => DocumentRuleViolation {
  return content.level === 'TIEU_HOC' ? primaryViolation : secondaryViolation;
}
