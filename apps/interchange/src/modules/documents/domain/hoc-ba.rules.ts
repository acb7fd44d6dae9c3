import { schoolYearProblem } from './document-rule.js';
import { fieldAt, HocBaRule, HocBaRuleViolation } from './hoc-ba-rule.js';
import { checkPrimaryRules } from './hoc-ba-primary.rules.js';
import { checkSecondaryRules } from './hoc-ba-secondary.rules.js';
import type { HocBaContent } from '@edu/contracts';
import { GRADES_BY_LEVEL } from './subject-catalogue.js';

/** What the document around the content says; the content must agree with it. */
export interface HocBaExpectations {
  schoolYear?: string;
  studentId?: string;
}

/**
 * Applies the circulars' rules to schema-valid content, in a fixed order — identity and year
 * first, then subjects in array order, then the results derived from them — and throws the first
 * violation, so the same record always yields the same error.
 */
export function checkHocBaRules(content: HocBaContent, prefix: string, expected: HocBaExpectations = {}): void {
  checkSchoolYear(content, prefix, expected);
  checkGradeLevel(content, prefix);
  checkStudentIdentity(content, prefix, expected);
  if (content.level === 'TIEU_HOC') checkPrimaryRules(content, prefix);
  else checkSecondaryRules(content, prefix);
}

function checkSchoolYear(content: HocBaContent, prefix: string, expected: HocBaExpectations): void {
  const problem = schoolYearProblem(content.schoolYear, expected.schoolYear);
  if (problem) throw new HocBaRuleViolation(HocBaRule.SCHOOL_YEAR, problem, fieldAt(prefix, 'schoolYear'));
}

function checkGradeLevel(content: HocBaContent, prefix: string): void {
  const [min, max] = GRADES_BY_LEVEL[content.level];
  if (content.grade < min || content.grade > max) {
    throw new HocBaRuleViolation(HocBaRule.GRADE_LEVEL, {
      vi: `cấp ${content.level} chỉ có lớp ${min} đến ${max}, hồ sơ ghi lớp ${content.grade}`,
      en: `level ${content.level} has grades ${min} to ${max}, the record says ${content.grade}`,
    }, fieldAt(prefix, 'grade'));
  }
}

/**
 * CCCD structure (Circular 07/2016/TT-BCA): digits 1–3 the province of birth registration
 * (001–096), digit 4 century and gender (0/1 for 1900s male/female, 2/3 for 2000s, …), digits 5–6
 * the last two digits of the birth year.
 */
function checkStudentIdentity(content: HocBaContent, prefix: string, expected: HocBaExpectations): void {
  const { student } = content;
  if (expected.studentId !== undefined && expected.studentId !== student.studentId) {
    throw new HocBaRuleViolation(HocBaRule.STUDENT_IDENTITY, {
      vi: `mã định danh ${student.studentId} khác học sinh của hồ sơ (${expected.studentId})`,
      en: `sector ID ${student.studentId} differs from the document's student (${expected.studentId})`,
    }, fieldAt(prefix, 'student', 'studentId'));
  }
  if (student.personalId === undefined) return;
  const id = student.personalId;
  const province = Number(id.slice(0, 3));
  const year = Number(student.dateOfBirth.slice(0, 4));
  const centuryDigit = 2 * (Math.floor(year / 100) - 19) + (student.gender === 'NU' ? 1 : 0);
  const consistent =
    province >= 1 && province <= 96 && Number(id[3]) === centuryDigit && id.slice(4, 6) === String(year % 100).padStart(2, '0');
  if (!consistent) {
    throw new HocBaRuleViolation(HocBaRule.STUDENT_IDENTITY, {
      vi: `số định danh cá nhân không khớp tỉnh đăng ký khai sinh, giới tính hoặc năm sinh ${year}`,
      en: `personal ID does not match a birth-registration province, the gender or birth year ${year}`,
    }, fieldAt(prefix, 'student', 'personalId'));
  }
}
