import type { SecondaryLevel } from '@edu/contracts';
import type { Expectations } from './document-type.interface.js';
import { CIRCULAR_22, CIRCULAR_42, issueDateProblem, schoolYearProblem, violationsOf, type RuleOrigin } from './document-rule.js';
import { fieldAt } from './hoc-ba-rule.js';
import { learningResult, toTenths, type PeriodResults } from './secondary-assessment.js';
import { GRADES_BY_LEVEL, THCS_SUBJECTS, THPT_COMPULSORY_SUBJECTS, THPT_ELECTIVE_SUBJECTS } from './subject-catalogue.js';
import type { CatalogueSubject } from './subject-catalogue.js';
import type { TranscriptContent, TranscriptSubject, TranscriptYear } from './transcript.schema.js';

/**
 * Stable rule codes of the bảng điểm; never rename one. Those shared with the học bạ mean the same there, so a client
 * handles them once.
 */
export const TranscriptRule = {
  SCHOOL_YEAR: 'SCHOOL_YEAR',
  TRANSCRIPT_STUDENT: 'TRANSCRIPT_STUDENT',
  TRANSCRIPT_YEARS: 'TRANSCRIPT_YEARS',
  SUBJECT_SET: 'SUBJECT_SET',
  LEARNING_RESULT: 'LEARNING_RESULT',
  TRANSCRIPT_ISSUE_DATE: 'TRANSCRIPT_ISSUE_DATE',
} as const;
export type TranscriptRule = (typeof TranscriptRule)[keyof typeof TranscriptRule];

const violation = violationsOf<TranscriptRule>({
  SCHOOL_YEAR: { label: 'Năm học', source: CIRCULAR_42 },
  TRANSCRIPT_STUDENT: { label: 'Học sinh', source: CIRCULAR_42 },
  TRANSCRIPT_YEARS: { label: 'Năm học và khối lớp', source: CIRCULAR_42 },
  SUBJECT_SET: { label: 'Môn học', source: CIRCULAR_22 },
  LEARNING_RESULT: { label: 'Kết quả học tập', source: CIRCULAR_22 },
  TRANSCRIPT_ISSUE_DATE: { label: 'Ngày cấp', source: CIRCULAR_42 },
} satisfies Record<TranscriptRule, RuleOrigin>);

const CATALOGUE: Record<SecondaryLevel, ReadonlyMap<string, CatalogueSubject>> = {
  THCS: new Map(THCS_SUBJECTS.map((s) => [s.code, s])),
  THPT: new Map([...THPT_COMPULSORY_SUBJECTS, ...THPT_ELECTIVE_SUBJECTS].map((s) => [s.code, s])),
};

const startOf = (schoolYear: string) => Number(schoolYear.slice(0, 4));

/**
 * A year's subjects as the learning-result thresholds read them, exactly as the học bạ's year period does
 * (hoc-ba-secondary.rules.ts `periodResults`): ĐTBmcn of scored subjects, and whether comment subjects passed.
 */
export function yearPeriodResults(subjects: readonly TranscriptSubject[]): PeriodResults {
  const scoredTenths: number[] = [];
  const commentPassed: boolean[] = [];
  for (const s of subjects) {
    if (s.assessment === 'score') scoredTenths.push(toTenths(s.yearAverage));
    else commentPassed.push(s.yearResult === 'Đạt');
  }
  return { scoredTenths, commentPassed };
}

/**
 * Applies the rules to schema-valid transcript content in a fixed order — issuing year, student, the years' sequence,
 * every year's subjects, every year's learning result, the issue date — and throws the first violation, so the same
 * content always yields the same error.
 */
export function checkTranscriptRules(content: TranscriptContent, prefix: string, expected: Expectations): void {
  const yearProblem = schoolYearProblem(content.schoolYear, expected.schoolYear);
  if (yearProblem) throw violation('SCHOOL_YEAR', yearProblem, fieldAt(prefix, 'schoolYear'));
  const { studentId } = content.student;
  const wanted = expected.subject.studentId;
  if (wanted !== undefined && wanted !== studentId) {
    throw violation('TRANSCRIPT_STUDENT', {
      vi: `mã định danh ${studentId} khác học sinh của hồ sơ (${wanted})`,
      en: `sector ID ${studentId} differs from the document's student (${wanted})`,
    }, fieldAt(prefix, 'student', 'studentId'));
  }
  const { years } = content;
  const at = (i: number) => fieldAt(prefix, 'years', i);
  years.forEach((year, i) => checkYear(content, year, i > 0 ? years[i - 1] : undefined, at(i)));
  years.forEach((year, i) => checkSubjects(content.level, year, at(i)));
  years.forEach((year, i) => checkLearningResult(year, at(i)));
  checkIssueDate(content, prefix);
}

/** Years run forward without repeats, none after the issuing year, in grades of the school's level that never go down (a repeated grade is a year kept back). */
function checkYear({ level, schoolYear }: TranscriptContent, year: TranscriptYear, previous: TranscriptYear | undefined, at: string): void {
  const yearAt = fieldAt(at, 'schoolYear');
  const problem = schoolYearProblem(year.schoolYear, undefined);
  if (problem) throw violation('TRANSCRIPT_YEARS', problem, yearAt);
  if (previous && startOf(year.schoolYear) <= startOf(previous.schoolYear)) {
    throw violation('TRANSCRIPT_YEARS', {
      vi: `năm học ${year.schoolYear} phải sau năm học liền trước trong bảng điểm (${previous.schoolYear})`,
      en: `school year ${year.schoolYear} must come after the one listed before it (${previous.schoolYear})`,
    }, yearAt);
  }
  if (startOf(year.schoolYear) > startOf(schoolYear)) {
    throw violation('TRANSCRIPT_YEARS', {
      vi: `năm học ${year.schoolYear} sau năm học cấp bảng điểm (${schoolYear})`,
      en: `school year ${year.schoolYear} is after the year the transcript is issued in (${schoolYear})`,
    }, yearAt);
  }
  const gradeAt = fieldAt(at, 'grade');
  const [min, max] = GRADES_BY_LEVEL[level];
  if (year.grade < min || year.grade > max) {
    throw violation('TRANSCRIPT_YEARS', {
      vi: `cấp ${level} chỉ có lớp ${min} đến ${max}, năm học ${year.schoolYear} ghi lớp ${year.grade}`,
      en: `level ${level} has grades ${min} to ${max}, school year ${year.schoolYear} says ${year.grade}`,
    }, gradeAt);
  }
  if (previous && year.grade < previous.grade) {
    throw violation('TRANSCRIPT_YEARS', {
      vi: `lớp ${year.grade} của năm học ${year.schoolYear} không được thấp hơn lớp ${previous.grade} của năm liền trước`,
      en: `grade ${year.grade} in ${year.schoolYear} must not be below grade ${previous.grade} of the year before`,
    }, gradeAt);
  }
}

/** Each subject once, from the level's curriculum, under its name and assessed its way (as the học bạ checks them). */
function checkSubjects(level: SecondaryLevel, year: TranscriptYear, at: string): void {
  const seen = new Set<string>();
  year.subjects.forEach((subject, j) => {
    const fail = (vi: string, en: string, key: string) => violation('SUBJECT_SET', { vi, en }, fieldAt(at, 'subjects', j, key));
    const entry = CATALOGUE[level].get(subject.code);
    if (!entry) throw fail(`môn ${subject.code} không thuộc chương trình ${level}`, `subject ${subject.code} is not in the ${level} curriculum`, 'code');
    if (seen.has(subject.code)) {
      throw fail(`môn ${entry.name} bị ghi hai lần trong năm học ${year.schoolYear}`, `subject ${entry.name} appears twice in ${year.schoolYear}`, 'code');
    }
    seen.add(subject.code);
    if (subject.name !== entry.name) throw fail(`môn ${subject.code} phải có tên "${entry.name}"`, `subject ${subject.code} must be named "${entry.name}"`, 'name');
    if (subject.assessment !== entry.assessment) {
      const how = entry.assessment === 'score' ? { vi: 'nhận xét kết hợp điểm số', en: 'comment plus score' } : { vi: 'nhận xét', en: 'comment' };
      throw fail(`môn ${entry.name} phải được đánh giá bằng ${how.vi}`, `${entry.name} must be assessed by ${how.en}`, 'assessment');
    }
  });
}

function checkLearningResult(year: TranscriptYear, at: string): void {
  const expected = learningResult(yearPeriodResults(year.subjects));
  if (year.learningResult !== expected) {
    throw violation('LEARNING_RESULT', {
      vi: `kết quả học tập cả năm ${year.schoolYear} phải là ${expected}, bảng điểm ghi ${year.learningResult}`,
      en: `learning result for ${year.schoolYear} must be ${expected}, the transcript says ${year.learningResult}`,
    }, fieldAt(at, 'learningResult'));
  }
}

/**
 * Issued within the school year it names (issueDateProblem). Its first listed year opens no later (TRANSCRIPT_YEARS),
 * so this also keeps the issue date from preceding the first year's start.
 */
function checkIssueDate({ issuedOn, schoolYear }: TranscriptContent, prefix: string): void {
  const window = issueDateProblem(issuedOn, schoolYear);
  if (window) throw violation('TRANSCRIPT_ISSUE_DATE', window, fieldAt(prefix, 'issuedOn'));
}
