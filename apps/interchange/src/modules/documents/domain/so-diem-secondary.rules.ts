import { fieldAt, formatScore, TERM_NAME } from './hoc-ba-rule.js';
import { commentTermResult, requiredRegularCount, termAverageTenths, toTenths } from './secondary-assessment.js';
import { secondaryViolation as violation } from './so-diem-rule.js';
import type { CommentGradeBook, CommentGradeBookRow, ScoredGradeBook, ScoredGradeBookRow, SecondaryGradeBook } from './so-diem.schema.js';
import { THCS_SUBJECTS, THPT_COMPULSORY_SUBJECTS, THPT_ELECTIVE_SUBJECTS } from './subject-catalogue.js';

/** Circular 22/2021 rules of a THCS or THPT grade book: its subject, then each row of a scored or a comment subject. */

const ASSESSED_BY = {
  score: { vi: 'nhận xét kết hợp điểm số', en: 'comment plus score' },
  comment: { vi: 'nhận xét (Đạt, Chưa đạt)', en: 'comment only (Đạt, Chưa đạt)' },
} as const;

/** The subject belongs to the level's curriculum, under its name, and the book assesses it as the curriculum does. */
export function checkSecondarySubject(content: SecondaryGradeBook, prefix: string): void {
  const catalogue = content.level === 'THCS' ? THCS_SUBJECTS : [...THPT_COMPULSORY_SUBJECTS, ...THPT_ELECTIVE_SUBJECTS];
  const entry = catalogue.find((s) => s.code === content.subjectCode);
  if (!entry?.assessment) {
    throw violation('SUBJECT_SET', {
      vi: `môn ${content.subjectCode} không thuộc chương trình ${content.level}`,
      en: `subject ${content.subjectCode} is not in the ${content.level} curriculum`,
    }, fieldAt(prefix, 'subjectCode'));
  }
  const assessment = content.assessment ?? 'score';
  if (entry.assessment !== assessment) {
    const how = ASSESSED_BY[entry.assessment];
    // The field at fault is the one that says how the book assesses; left out, it is the subject the school chose.
    throw violation('SUBJECT_SET', {
      vi: `môn ${entry.name} được đánh giá bằng ${how.vi}, sổ phải ghi assessment "${entry.assessment}"`,
      en: `${entry.name} is assessed by ${how.en}, so its grade book must say assessment "${entry.assessment}"`,
    }, fieldAt(prefix, content.assessment === undefined ? 'subjectCode' : 'assessment'));
  }
  if (content.subjectName !== entry.name) {
    throw violation('SUBJECT_SET', {
      vi: `môn ${entry.code} phải có tên "${entry.name}"`,
      en: `subject ${entry.code} must be named "${entry.name}"`,
    }, fieldAt(prefix, 'subjectName'));
  }
}

/** Art. 7 §1(a): two regular assessments a term for a comment subject; 2, 3 or 4 by yearly periods for a scored one. */
export const COMMENT_REGULAR_COUNT = 2;

function checkRegularCount(content: SecondaryGradeBook, row: { fullName: string; regular: unknown[] }, at: string): void {
  const { subjectName, yearlyPeriods } = content;
  const count = content.assessment === 'comment' ? COMMENT_REGULAR_COUNT : requiredRegularCount(yearlyPeriods);
  if (row.regular.length !== count) {
    const what = content.assessment === 'comment' ? 'lần đánh giá thường xuyên' : 'ĐĐGtx';
    throw violation('REGULAR_SCORE_COUNT', {
      vi: `môn ${subjectName} (${yearlyPeriods} tiết/năm) cần ${count} ${what} mỗi học kì, ${row.fullName} có ${row.regular.length}`,
      en: `${subjectName} (${yearlyPeriods} periods a year) needs ${count} regular assessments per term, ${row.fullName} has ${row.regular.length}`,
    }, fieldAt(at, 'regular'));
  }
}

/** Art. 9 §1(b): the term average ĐTBmhk follows from the scores. */
export function checkScoredRow(content: ScoredGradeBook, row: ScoredGradeBookRow, at: string): void {
  checkRegularCount(content, row, at);
  const { subjectName, term } = content;
  const expected = termAverageTenths(row.regular, row.midterm, row.final);
  if (toTenths(row.average) !== expected) {
    throw violation('TERM_AVERAGE', {
      vi: `điểm trung bình ${TERM_NAME[term].vi} môn ${subjectName} của ${row.fullName} phải là ${formatScore(expected)}, sổ ghi ${formatScore(toTenths(row.average))}`,
      en: `${row.fullName}'s ${subjectName} ${TERM_NAME[term].en} average must be ${formatScore(expected)}, the grade book says ${formatScore(toTenths(row.average))}`,
    }, fieldAt(at, 'average'));
  }
}

/** Art. 9 §1(a): the term result is Đạt exactly when every assessment of the term is Đạt. */
export function checkCommentRow(content: CommentGradeBook, row: CommentGradeBookRow, at: string): void {
  checkRegularCount(content, row, at);
  const { subjectName, term } = content;
  const expected = commentTermResult(row.regular, row.midterm, row.final);
  if (row.result !== expected) {
    const why = expected === 'Đạt'
      ? { vi: 'mọi lần đánh giá đều Đạt', en: 'every assessment is Đạt' }
      : { vi: 'có lần đánh giá Chưa đạt', en: 'an assessment is Chưa đạt' };
    throw violation('TERM_RESULT', {
      vi: `kết quả ${TERM_NAME[term].vi} môn ${subjectName} của ${row.fullName} phải là ${expected} vì ${why.vi}, sổ ghi ${row.result}`,
      en: `${row.fullName}'s ${subjectName} ${TERM_NAME[term].en} result must be ${expected} as ${why.en}, the grade book says ${row.result}`,
    }, fieldAt(at, 'result'));
  }
}
