import type { Expectations } from './document-type.interface.js';
import { CIRCULAR_22, CIRCULAR_42, schoolYearProblem, violationsOf, type RuleOrigin } from './document-rule.js';
import { fieldAt, formatScore, TERM_NAME } from './hoc-ba-rule.js';
import { requiredRegularCount, termAverageTenths, toTenths } from './secondary-assessment.js';
import type { GradeBookRow, SoDiemContent } from './so-diem.schema.js';
import { GRADES_BY_LEVEL, THCS_SUBJECTS, THPT_COMPULSORY_SUBJECTS, THPT_ELECTIVE_SUBJECTS } from './subject-catalogue.js';

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
} as const;
export type GradeBookRule = (typeof GradeBookRule)[keyof typeof GradeBookRule];

const violation = violationsOf<GradeBookRule>({
  SCHOOL_YEAR: { label: 'Năm học', source: CIRCULAR_42 },
  GRADE_BOOK_SCOPE: { label: 'Lớp, môn học, học kì của sổ', source: CIRCULAR_22 },
  GRADE_LEVEL: { label: 'Khối lớp', source: CIRCULAR_42 },
  SUBJECT_SET: { label: 'Môn học', source: CIRCULAR_22 },
  GRADE_BOOK_DUPLICATE_STUDENT: { label: 'Danh sách học sinh', source: CIRCULAR_22 },
  REGULAR_SCORE_COUNT: { label: 'Số ĐĐGtx', source: CIRCULAR_22 },
  TERM_AVERAGE: { label: 'ĐTBmhk', source: CIRCULAR_22 },
} satisfies Record<GradeBookRule, RuleOrigin>);

/**
 * Applies Circular 22/2021 to schema-valid grade-book content in a fixed order — year, scope, grade, subject, then the
 * rows in array order — and throws the first violation, so the same content always yields the same error.
 */
export function checkSoDiemRules(content: SoDiemContent, prefix: string, expected: Expectations): void {
  const yearProblem = schoolYearProblem(content.schoolYear, expected.schoolYear);
  if (yearProblem) throw violation('SCHOOL_YEAR', yearProblem, fieldAt(prefix, 'schoolYear'));
  checkScope(content, prefix, expected);
  const [min, max] = GRADES_BY_LEVEL[content.level];
  if (content.grade < min || content.grade > max) {
    throw violation('GRADE_LEVEL', {
      vi: `cấp ${content.level} chỉ có lớp ${min} đến ${max}, sổ ghi lớp ${content.grade}`,
      en: `level ${content.level} has grades ${min} to ${max}, the grade book says ${content.grade}`,
    }, fieldAt(prefix, 'grade'));
  }
  checkSubject(content, prefix);
  const seen = new Set<string>();
  content.students.forEach((row, i) => {
    const at = fieldAt(prefix, 'students', i);
    if (seen.has(row.studentId)) {
      throw violation('GRADE_BOOK_DUPLICATE_STUDENT', {
        vi: `học sinh ${row.studentId} (${row.fullName}) có hai dòng trong sổ`,
        en: `student ${row.studentId} (${row.fullName}) has two rows in the grade book`,
      }, fieldAt(at, 'studentId'));
    }
    seen.add(row.studentId);
    checkRow(row, content, at);
  });
}

/** The class, subject and term the content covers are those the envelope names, where it names them. */
function checkScope(content: SoDiemContent, prefix: string, expected: Expectations): void {
  const scope = [
    ['className', { vi: 'lớp', en: 'class' }],
    ['subjectCode', { vi: 'môn', en: 'subject' }],
    ['term', { vi: 'học kì', en: 'term' }],
  ] as const;
  for (const [key, name] of scope) {
    const wanted = expected.subject[key];
    if (wanted !== undefined && wanted !== content[key]) {
      throw violation('GRADE_BOOK_SCOPE', {
        vi: `${name.vi} ${content[key]} khác ${name.vi} của hồ sơ (${wanted})`,
        en: `${name.en} ${content[key]} differs from the document's (${wanted})`,
      }, fieldAt(prefix, key));
    }
  }
}

/** This grade book carries scores, so its subject must be one the level's curriculum assesses by score. */
function checkSubject(content: SoDiemContent, prefix: string): void {
  const catalogue = content.level === 'THCS' ? THCS_SUBJECTS : [...THPT_COMPULSORY_SUBJECTS, ...THPT_ELECTIVE_SUBJECTS];
  const entry = catalogue.find((s) => s.code === content.subjectCode);
  const code = fieldAt(prefix, 'subjectCode');
  if (!entry) {
    throw violation('SUBJECT_SET', {
      vi: `môn ${content.subjectCode} không thuộc chương trình ${content.level}`,
      en: `subject ${content.subjectCode} is not in the ${content.level} curriculum`,
    }, code);
  }
  if (entry.assessment !== 'score') {
    throw violation('SUBJECT_SET', {
      vi: `môn ${entry.name} được đánh giá bằng nhận xét, không có sổ điểm số`,
      en: `${entry.name} is assessed by comment only, so it has no grade book of scores`,
    }, code);
  }
  if (content.subjectName !== entry.name) {
    throw violation('SUBJECT_SET', {
      vi: `môn ${entry.code} phải có tên "${entry.name}"`,
      en: `subject ${entry.code} must be named "${entry.name}"`,
    }, fieldAt(prefix, 'subjectName'));
  }
}

function checkRow(row: GradeBookRow, content: SoDiemContent, at: string): void {
  const { subjectName, yearlyPeriods, term } = content;
  const count = requiredRegularCount(yearlyPeriods);
  if (row.regular.length !== count) {
    throw violation('REGULAR_SCORE_COUNT', {
      vi: `môn ${subjectName} (${yearlyPeriods} tiết/năm) cần ${count} ĐĐGtx mỗi học kì, ${row.fullName} có ${row.regular.length}`,
      en: `${subjectName} (${yearlyPeriods} periods a year) needs ${count} regular assessments per term, ${row.fullName} has ${row.regular.length}`,
    }, fieldAt(at, 'regular'));
  }
  const expected = termAverageTenths(row.regular, row.midterm, row.final);
  if (toTenths(row.average) !== expected) {
    throw violation('TERM_AVERAGE', {
      vi: `điểm trung bình ${TERM_NAME[term].vi} môn ${subjectName} của ${row.fullName} phải là ${formatScore(expected)}, sổ ghi ${formatScore(toTenths(row.average))}`,
      en: `${row.fullName}'s ${subjectName} ${TERM_NAME[term].en} average must be ${formatScore(expected)}, the grade book says ${formatScore(toTenths(row.average))}`,
    }, fieldAt(at, 'average'));
  }
}
