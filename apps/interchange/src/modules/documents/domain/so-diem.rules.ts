import type { Expectations } from './document-type.interface.js';
import { schoolYearProblem } from './document-rule.js';
import { fieldAt } from './hoc-ba-rule.js';
import { checkPrimaryRow, checkPrimarySubject } from './so-diem-primary.rules.js';
import { sharedViolation } from './so-diem-rule.js';
import { checkCommentRow, checkScoredRow, checkSecondarySubject } from './so-diem-secondary.rules.js';
import type { SoDiemContent } from './so-diem.schema.js';
import { GRADES_BY_LEVEL } from './subject-catalogue.js';

/**
 * Applies the circulars to schema-valid grade-book content in a fixed order — year, scope, grade, subject, then the
 * rows in array order — and throws the first violation, so the same content always yields the same error. The form
 * picks the circular: Circular 27/2020 for a primary school, Circular 22/2021 for a scored or a comment subject.
 */
export function checkSoDiemRules(content: SoDiemContent, prefix: string, expected: Expectations): void {
  const violation = sharedViolation(content);
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
  if (content.level === 'TIEU_HOC') {
    checkPrimarySubject(content, prefix);
    checkRows(content, content.students, prefix, (row, at) => checkPrimaryRow(content, row, at));
  } else if (content.assessment === 'comment') {
    checkSecondarySubject(content, prefix);
    checkRows(content, content.students, prefix, (row, at) => checkCommentRow(content, row, at));
  } else {
    checkSecondarySubject(content, prefix);
    checkRows(content, content.students, prefix, (row, at) => checkScoredRow(content, row, at));
  }
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
      throw sharedViolation(content)('GRADE_BOOK_SCOPE', {
        vi: `${name.vi} ${content[key]} khác ${name.vi} của hồ sơ (${wanted})`,
        en: `${name.en} ${content[key]} differs from the document's (${wanted})`,
      }, fieldAt(prefix, key));
    }
  }
}

/** Each row in order: one row per student, then the form's own checks of that row. */
function checkRows<Row extends { studentId: string; fullName: string }>(
  content: SoDiemContent,
  rows: readonly Row[],
  prefix: string,
  checkRow: (row: Row, at: string) => void,
): void {
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const at = fieldAt(prefix, 'students', i);
    if (seen.has(row.studentId)) {
      throw sharedViolation(content)('GRADE_BOOK_DUPLICATE_STUDENT', {
        vi: `học sinh ${row.studentId} (${row.fullName}) có hai dòng trong sổ`,
        en: `student ${row.studentId} (${row.fullName}) has two rows in the grade book`,
      }, fieldAt(at, 'studentId'));
    }
    seen.add(row.studentId);
    checkRow(row, at);
  });
}
