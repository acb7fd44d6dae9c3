import { CLASSMATES, exampleContext } from './example-context.fixture.js';
import type { CommentGradeBook, PrimaryGradeBook, ScoredGradeBook } from './so-diem.schema.js';
import { SO_DIEM } from './so-diem.type.js';

/** The three forms of a valid term-I sổ điểm that the specs start from, each for a class of four in 2025-2026. */

/** The example: Toán in class 8A1 of a THCS, four regular scores a term. */
export const scoredBook = (): ScoredGradeBook => SO_DIEM.buildExample(exampleContext('THCS', 8)).content as ScoredGradeBook;

/** Giáo dục thể chất in class 8A1 of a THCS: a comment subject, so two regular assessments a term; every row Đạt. */
export function commentBook(): CommentGradeBook {
  return {
    ...scoredBook(),
    assessment: 'comment',
    subjectCode: 'GDTC',
    subjectName: 'Giáo dục thể chất',
    yearlyPeriods: 70,
    students: CLASSMATES.map((s) => ({ ...s, regular: ['Đạt', 'Đạt'], midterm: 'Đạt', final: 'Đạt', result: 'Đạt' })),
  };
}

/** The example: Toán in class 4A1 of a primary school, a level and a test score per pupil. */
export const primaryBook = (): PrimaryGradeBook => SO_DIEM.buildExample(exampleContext('TIEU_HOC', 4)).content as PrimaryGradeBook;
