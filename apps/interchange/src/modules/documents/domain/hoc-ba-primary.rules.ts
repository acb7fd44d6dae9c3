import { fieldAt, HocBaRule, HocBaRuleViolation } from './hoc-ba-rule.js';
import type { PrimaryHocBaContent, PrimaryTraitLevel } from '@edu/contracts';
import { primaryAwardAllowed, primaryDecisions, primaryYearResult } from './primary-assessment.js';
import {
  primaryCompulsorySubjects,
  primaryOptionalSubjects,
  primaryTestedSubjectCodes,
  type CatalogueSubject,
} from './subject-catalogue.js';

/** Circular 27/2020 rules, in order: subject set, test scores, year result, promotion, award. */
export function checkPrimaryRules(content: PrimaryHocBaContent, prefix: string): void {
  checkSubjectSet(content, prefix);
  checkTestScores(content, prefix);
  checkYearResult(content, prefix);
  checkPromotion(content, prefix);
  checkAward(content, prefix);
}

function checkSubjectSet(content: PrimaryHocBaContent, prefix: string): void {
  const compulsory = primaryCompulsorySubjects(content.grade);
  const known = new Map<string, CatalogueSubject>(
    [...compulsory, ...primaryOptionalSubjects(content.grade)].map((s) => [s.code, s]),
  );
  const violation = (vi: string, en: string, ...path: (string | number)[]) =>
    new HocBaRuleViolation(HocBaRule.PRIMARY_SUBJECT_SET, { vi, en }, fieldAt(prefix, 'subjects', ...path));

  const seen = new Set<string>();
  content.subjects.forEach((subject, i) => {
    const entry = known.get(subject.code);
    if (!entry) throw violation(`môn ${subject.code} không thuộc chương trình lớp ${content.grade}`, `subject ${subject.code} is not in the grade ${content.grade} curriculum`, i, 'code');
    if (seen.has(subject.code)) throw violation(`môn ${entry.name} bị ghi hai lần`, `subject ${entry.name} appears twice`, i, 'code');
    seen.add(subject.code);
    if (subject.name !== entry.name) throw violation(`môn ${subject.code} phải có tên "${entry.name}"`, `subject ${subject.code} must be named "${entry.name}"`, i, 'name');
  });
  const missing = compulsory.find((s) => !seen.has(s.code));
  if (missing) throw violation(`thiếu môn học, hoạt động bắt buộc ${missing.name}`, `compulsory subject ${missing.name} is missing`);
}

/** Tested subjects carry their end-of-year score; the others carry none (Art. 7). */
function checkTestScores(content: PrimaryHocBaContent, prefix: string): void {
  const tested = primaryTestedSubjectCodes(content.grade);
  content.subjects.forEach((subject, i) => {
    const field = fieldAt(prefix, 'subjects', i, 'testScore');
    if (tested.has(subject.code) && subject.testScore === undefined) {
      throw new HocBaRuleViolation(HocBaRule.PRIMARY_TEST_SCORE, {
        vi: `môn ${subject.name} lớp ${content.grade} phải có điểm bài kiểm tra định kì cuối năm`,
        en: `${subject.name} in grade ${content.grade} needs its end-of-year test score`,
      }, field);
    }
    if (!tested.has(subject.code) && subject.testScore !== undefined) {
      throw new HocBaRuleViolation(HocBaRule.PRIMARY_TEST_SCORE, {
        vi: `môn ${subject.name} lớp ${content.grade} không có bài kiểm tra định kì`,
        en: `${subject.name} in grade ${content.grade} has no periodic test`,
      }, field);
    }
  });
}

export function primaryTraits(content: Pick<PrimaryHocBaContent, 'qualities' | 'competencies'>): PrimaryTraitLevel[] {
  return [...Object.values(content.qualities), ...Object.values(content.competencies)];
}

function checkYearResult(content: PrimaryHocBaContent, prefix: string): void {
  const expected = primaryYearResult(content.subjects, primaryTraits(content));
  if (content.yearResult !== expected) {
    throw new HocBaRuleViolation(HocBaRule.PRIMARY_YEAR_RESULT, {
      vi: `kết quả giáo dục cả năm phải là ${expected}, hồ sơ ghi ${content.yearResult}`,
      en: `the year result must be ${expected}, the record says ${content.yearResult}`,
    }, fieldAt(prefix, 'yearResult'));
  }
}

function checkPromotion(content: PrimaryHocBaContent, prefix: string): void {
  const allowed = primaryDecisions(content.yearResult, content.grade);
  if (!allowed.includes(content.promotion.decision)) {
    throw new HocBaRuleViolation(HocBaRule.PRIMARY_PROMOTION, {
      vi: `với kết quả ${content.yearResult} ở lớp ${content.grade}, quyết định phải là ${allowed.join(' hoặc ')}`,
      en: `with result ${content.yearResult} in grade ${content.grade} the decision must be ${allowed.join(' or ')}`,
    }, fieldAt(prefix, 'promotion', 'decision'));
  }
}

function checkAward(content: PrimaryHocBaContent, prefix: string): void {
  if (!primaryAwardAllowed(content.yearResult, content.award)) {
    throw new HocBaRuleViolation(HocBaRule.PRIMARY_AWARD, {
      vi: `danh hiệu ${content.award ?? 'không có'} không phù hợp với kết quả ${content.yearResult}`,
      en: `award ${content.award ?? 'none'} does not fit the result ${content.yearResult}`,
    }, fieldAt(prefix, 'award'));
  }
}
