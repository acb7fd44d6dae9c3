import { fieldAt } from './hoc-ba-rule.js';
import { primaryViolation as violation } from './so-diem-rule.js';
import type { PrimaryGradeBook, PrimaryGradeBookRow } from './so-diem.schema.js';
import { primaryCompulsorySubjects, primaryOptionalSubjects, primaryTestedSubjectCodes } from './subject-catalogue.js';

/**
 * Circular 27/2020 rules of a primary grade book: its subject, then each row's test score. Art. 7 §1(a) has the teacher
 * set the level (Hoàn thành tốt, Hoàn thành, Chưa hoàn thành) from the term's regular assessment against the
 * curriculum's requirements, not from the test score, so no rule ties the two.
 */

/** The subject or activity belongs to the grade's curriculum, compulsory or optional, under its name. */
export function checkPrimarySubject(content: PrimaryGradeBook, prefix: string): void {
  const known = [...primaryCompulsorySubjects(content.grade), ...primaryOptionalSubjects(content.grade)];
  const entry = known.find((s) => s.code === content.subjectCode);
  if (!entry) {
    throw violation('SUBJECT_SET', {
      vi: `môn ${content.subjectCode} không thuộc chương trình lớp ${content.grade}`,
      en: `subject ${content.subjectCode} is not in the grade ${content.grade} curriculum`,
    }, fieldAt(prefix, 'subjectCode'));
  }
  if (content.subjectName !== entry.name) {
    throw violation('SUBJECT_SET', {
      vi: `môn ${entry.code} phải có tên "${entry.name}"`,
      en: `subject ${entry.code} must be named "${entry.name}"`,
    }, fieldAt(prefix, 'subjectName'));
  }
}

/**
 * Art. 7 §1(b): the tested subjects (primaryTestedSubjectCodes) have a periodic test at the end of each term, so each
 * row carries its score; the other subjects and activities have none, so no row carries one.
 */
export function checkPrimaryRow(content: PrimaryGradeBook, row: PrimaryGradeBookRow, at: string): void {
  const { subjectName, grade } = content;
  const tested = primaryTestedSubjectCodes(grade).has(content.subjectCode);
  if (tested && row.testScore === undefined) {
    throw violation('PRIMARY_TEST_SCORE', {
      vi: `môn ${subjectName} lớp ${grade} có bài kiểm tra định kì cuối học kì, ${row.fullName} thiếu điểm bài kiểm tra`,
      en: `${subjectName} in grade ${grade} has an end-of-term test, ${row.fullName}'s test score is missing`,
    }, fieldAt(at, 'testScore'));
  }
  if (!tested && row.testScore !== undefined) {
    throw violation('PRIMARY_TEST_SCORE', {
      vi: `môn ${subjectName} lớp ${grade} không có bài kiểm tra định kì, ${row.fullName} không được có điểm bài kiểm tra`,
      en: `${subjectName} in grade ${grade} has no periodic test, so ${row.fullName} has no test score`,
    }, fieldAt(at, 'testScore'));
  }
}
