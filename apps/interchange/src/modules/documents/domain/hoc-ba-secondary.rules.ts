import { fieldAt, formatScore, HocBaRule, HocBaRuleViolation, TERM_NAME } from './hoc-ba-rule.js';
import type { SecondaryHocBaContent, SecondarySubject } from '@edu/contracts';
import {
  commentYearResult,
  learningResult,
  requiredRegularCount,
  secondaryAward,
  secondaryDecisions,
  termAverageTenths,
  toTenths,
  yearAverageTenths,
  type PeriodResults,
} from './secondary-assessment.js';
import {
  FINAL_GRADE,
  THCS_SUBJECTS,
  THPT_COMPULSORY_SUBJECTS,
  THPT_ELECTIVE_COUNT,
  THPT_ELECTIVE_SUBJECTS,
  type CatalogueSubject,
} from './subject-catalogue.js';

type Period = 'hk1' | 'hk2' | 'year';
const PERIODS: readonly Period[] = ['hk1', 'hk2', 'year'];

/** Circular 22/2021 rules, in order: subject set, each subject's numbers, results, promotion, award. */
export function checkSecondaryRules(content: SecondaryHocBaContent, prefix: string): void {
  checkSubjectSet(content, prefix);
  content.subjects.forEach((subject, i) => checkSubject(subject, fieldAt(prefix, 'subjects', i)));
  checkLearningResults(content, prefix);
  checkPromotion(content, prefix);
  checkAward(content, prefix);
}

function checkSubjectSet(content: SecondaryHocBaContent, prefix: string): void {
  const compulsory = content.level === 'THCS' ? THCS_SUBJECTS : THPT_COMPULSORY_SUBJECTS;
  const electives = content.level === 'THCS' ? [] : THPT_ELECTIVE_SUBJECTS;
  const known = new Map<string, CatalogueSubject>([...electives, ...compulsory].map((s) => [s.code, s]));
  const violation = (vi: string, en: string, ...path: (string | number)[]) =>
    new HocBaRuleViolation(HocBaRule.SUBJECT_SET, { vi, en }, fieldAt(prefix, 'subjects', ...path));

  const seen = new Set<string>();
  content.subjects.forEach((subject, i) => {
    const entry = known.get(subject.code);
    if (!entry) throw violation(`môn ${subject.code} không thuộc chương trình ${content.level}`, `subject ${subject.code} is not in the ${content.level} curriculum`, i, 'code');
    if (seen.has(subject.code)) throw violation(`môn ${entry.name} bị ghi hai lần`, `subject ${entry.name} appears twice`, i, 'code');
    seen.add(subject.code);
    if (subject.name !== entry.name) throw violation(`môn ${subject.code} phải có tên "${entry.name}"`, `subject ${subject.code} must be named "${entry.name}"`, i, 'name');
    if (subject.assessment !== entry.assessment) {
      const how = entry.assessment === 'score' ? { vi: 'nhận xét kết hợp điểm số', en: 'comment plus score' } : { vi: 'nhận xét', en: 'comment' };
      throw violation(`môn ${entry.name} phải được đánh giá bằng ${how.vi}`, `${entry.name} must be assessed by ${how.en}`, i, 'assessment');
    }
  });
  const missing = compulsory.find((s) => !seen.has(s.code));
  if (missing) throw violation(`thiếu môn bắt buộc ${missing.name}`, `compulsory subject ${missing.name} is missing`);
  const electiveCount = electives.filter((s) => seen.has(s.code)).length;
  if (content.level === 'THPT' && electiveCount !== THPT_ELECTIVE_COUNT) {
    throw violation(
      `phải có đúng ${THPT_ELECTIVE_COUNT} môn lựa chọn, hồ sơ có ${electiveCount}`,
      `exactly ${THPT_ELECTIVE_COUNT} elective subjects are required, the record has ${electiveCount}`,
    );
  }
}

function checkSubject(subject: SecondarySubject, at: string): void {
  const count = requiredRegularCount(subject.yearlyPeriods);
  for (const term of ['hk1', 'hk2'] as const) {
    const given = subject.terms[term].regular.length;
    if (given !== count) {
      throw new HocBaRuleViolation(HocBaRule.REGULAR_SCORE_COUNT, {
        vi: `môn ${subject.name} (${subject.yearlyPeriods} tiết/năm) cần ${count} ĐĐGtx mỗi học kì, ${TERM_NAME[term].vi} có ${given}`,
        en: `${subject.name} (${subject.yearlyPeriods} periods a year) needs ${count} regular assessments per term, ${TERM_NAME[term].en} has ${given}`,
      }, fieldAt(at, 'terms', term, 'regular'));
    }
  }
  if (subject.assessment === 'comment') {
    const expected = commentYearResult(subject.terms.hk2.result);
    if (subject.yearResult !== expected) {
      throw new HocBaRuleViolation(HocBaRule.COMMENT_SUBJECT_RESULT, {
        vi: `kết quả cả năm của môn ${subject.name} phải là ${expected} như học kì II`,
        en: `${subject.name} year result must be ${expected}, as in term II`,
      }, fieldAt(at, 'yearResult'));
    }
    return;
  }
  for (const term of ['hk1', 'hk2'] as const) {
    const { regular, midterm, final, average } = subject.terms[term];
    const expected = termAverageTenths(regular, midterm, final);
    if (toTenths(average) !== expected) {
      throw new HocBaRuleViolation(HocBaRule.TERM_AVERAGE, {
        vi: `điểm trung bình ${TERM_NAME[term].vi} của môn ${subject.name} phải là ${formatScore(expected)}, hồ sơ ghi ${formatScore(toTenths(average))}`,
        en: `${subject.name} ${TERM_NAME[term].en} average must be ${formatScore(expected)}, the record says ${formatScore(toTenths(average))}`,
      }, fieldAt(at, 'terms', term, 'average'));
    }
  }
  const expected = yearAverageTenths(subject.terms.hk1.average, subject.terms.hk2.average);
  if (toTenths(subject.yearAverage) !== expected) {
    throw new HocBaRuleViolation(HocBaRule.YEAR_AVERAGE, {
      vi: `điểm trung bình cả năm của môn ${subject.name} phải là ${formatScore(expected)}, hồ sơ ghi ${formatScore(toTenths(subject.yearAverage))}`,
      en: `${subject.name} year average must be ${formatScore(expected)}, the record says ${formatScore(toTenths(subject.yearAverage))}`,
    }, fieldAt(at, 'yearAverage'));
  }
}

/** Each subject's result for one period, as the learning-result thresholds read them. */
export function periodResults(subjects: readonly SecondarySubject[], period: Period): PeriodResults {
  const scoredTenths: number[] = [];
  const commentPassed: boolean[] = [];
  for (const s of subjects) {
    if (s.assessment === 'score') scoredTenths.push(toTenths(period === 'year' ? s.yearAverage : s.terms[period].average));
    else commentPassed.push((period === 'year' ? s.yearResult : s.terms[period].result) === 'Đạt');
  }
  return { scoredTenths, commentPassed };
}

function checkLearningResults(content: SecondaryHocBaContent, prefix: string): void {
  for (const period of PERIODS) {
    const expected = learningResult(periodResults(content.subjects, period));
    if (content.learningResult[period] !== expected) {
      throw new HocBaRuleViolation(HocBaRule.LEARNING_RESULT, {
        vi: `kết quả học tập ${TERM_NAME[period].vi} phải là ${expected}, hồ sơ ghi ${content.learningResult[period]}`,
        en: `learning result for ${TERM_NAME[period].en} must be ${expected}, the record says ${content.learningResult[period]}`,
      }, fieldAt(prefix, 'learningResult', period));
    }
  }
}

function checkPromotion(content: SecondaryHocBaContent, prefix: string): void {
  const allowed = secondaryDecisions(
    content.conduct.year,
    content.learningResult.year,
    content.daysAbsent,
    content.grade === FINAL_GRADE[content.level],
  );
  if (!allowed.includes(content.promotion.decision)) {
    throw new HocBaRuleViolation(HocBaRule.PROMOTION, {
      vi: `với rèn luyện ${content.conduct.year}, học tập ${content.learningResult.year} và ${content.daysAbsent} buổi nghỉ, quyết định phải là ${allowed.join(' hoặc ')}`,
      en: `with conduct ${content.conduct.year}, learning ${content.learningResult.year} and ${content.daysAbsent} days absent the decision must be ${allowed.join(' or ')}`,
    }, fieldAt(prefix, 'promotion', 'decision'));
  }
}

function checkAward(content: SecondaryHocBaContent, prefix: string): void {
  const yearAverages = periodResults(content.subjects, 'year').scoredTenths;
  const expected = secondaryAward(content.conduct.year, content.learningResult.year, yearAverages);
  if (content.award !== expected) {
    throw new HocBaRuleViolation(HocBaRule.AWARD, {
      vi: `danh hiệu phải là ${expected ?? 'không có'}, hồ sơ ghi ${content.award ?? 'không có'}`,
      en: `the award must be ${expected ?? 'none'}, the record says ${content.award ?? 'none'}`,
    }, fieldAt(prefix, 'award'));
  }
}
