import { DomainError } from '@edu/errors';
import { describe, expect, it } from 'vitest';
import { buildHocBaExample, type HocBaExampleInput } from './hoc-ba.example.js';
import { HocBaRule, HocBaRuleViolation } from './hoc-ba-rule.js';
import type { PrimaryHocBaContent } from '@edu/contracts';
import { validateHocBaContent } from './hoc-ba.validator.js';

const input = (grade: number, seed = 3): HocBaExampleInput => ({
  student: { studentId: '3107654321', fullName: 'Hoàng Minh Khôi', dateOfBirth: '2015-05-20', gender: 'NAM', personalId: '031215004321' },
  school: { code: '31000301', name: 'Trường Tiểu học Lê Lợi', level: 'TIEU_HOC' },
  className: `${grade}B`,
  grade,
  schoolYear: '2024-2025',
  homeroomTeacher: 'Ngô Thị Lan',
  principal: 'Bùi Văn Tuấn',
  seed,
});
const primary = (grade = 4, seed?: number) => buildHocBaExample(input(grade, seed)) as PrimaryHocBaContent;
const indexOf = (c: PrimaryHocBaContent, code: string) => c.subjects.findIndex((s) => s.code === code);

function failure(content: unknown): DomainError {
  try {
    validateHocBaContent(content);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected validation to fail');
}

function expectRule(content: unknown, rule: HocBaRule, field: string): HocBaRuleViolation {
  const err = failure(content);
  expect(err).toBeInstanceOf(HocBaRuleViolation);
  expect(err.code).toBe('INTERCHANGE.RULE_VIOLATED');
  expect((err as HocBaRuleViolation).rule).toBe(rule);
  expect(err.field).toBe(field);
  expect(err.text.en).toContain(`Rule ${rule} (Circular 27/2020/TT-BGDDT)`);
  return err as HocBaRuleViolation;
}

describe('primary rules (Circular 27/2020)', () => {
  it('accepts the example in every grade', () => {
    for (const grade of [1, 2, 3, 4, 5]) expect(() => validateHocBaContent(primary(grade))).not.toThrow();
  });

  it('rejects a test score of 7.5 as a structure error', () => {
    const c = primary();
    c.subjects[indexOf(c, 'TOAN')].testScore = 7.5;
    const err = failure(c);
    expect(err.code).toBe('INTERCHANGE.SCHEMA_INVALID');
    expect(err.field).toBe(`content.subjects[${indexOf(c, 'TOAN')}].testScore`);
  });

  it('rejects a test score of 0 or 11', () => {
    for (const score of [0, 11]) {
      const c = primary();
      c.subjects[0].testScore = score;
      expect(failure(c).code).toBe('INTERCHANGE.SCHEMA_INVALID');
    }
  });

  it('PRIMARY_TEST_SCORE: a tested subject without its score', () => {
    const c = primary(4);
    const i = indexOf(c, 'KHOA_HOC');
    delete c.subjects[i].testScore;
    expectRule(c, HocBaRule.PRIMARY_TEST_SCORE, `content.subjects[${i}].testScore`);
  });

  it('PRIMARY_TEST_SCORE: a score in a subject without a periodic test', () => {
    const c = primary(2);
    const i = indexOf(c, 'DAO_DUC');
    c.subjects[i].testScore = 9;
    expectRule(c, HocBaRule.PRIMARY_TEST_SCORE, `content.subjects[${i}].testScore`);
  });

  it('tests Tiếng Việt and Toán from grade 1, the other tested subjects where the grade has them', () => {
    const tested = (grade: number) => primary(grade).subjects.filter((s) => s.testScore !== undefined).map((s) => s.code);
    expect(tested(1)).toEqual(['TIENG_VIET', 'TOAN']);
    expect(tested(3)).toEqual(['TIENG_VIET', 'TOAN', 'NGOAI_NGU_1', 'TIN_HOC_CONG_NGHE']);
    expect(tested(5).sort()).toEqual(['KHOA_HOC', 'LICH_SU_DIA_LI', 'NGOAI_NGU_1', 'TIENG_VIET', 'TIN_HOC_CONG_NGHE', 'TOAN']);
  });

  it('PRIMARY_SUBJECT_SET: a missing compulsory subject and a duplicate', () => {
    const missing = primary(4);
    missing.subjects = missing.subjects.filter((s) => s.code !== 'LICH_SU_DIA_LI');
    expectRule(missing, HocBaRule.PRIMARY_SUBJECT_SET, 'content.subjects');
    const twice = primary(4);
    twice.subjects.push({ ...twice.subjects[0] });
    expectRule(twice, HocBaRule.PRIMARY_SUBJECT_SET, `content.subjects[${twice.subjects.length - 1}].code`);
  });

  it('PRIMARY_YEAR_RESULT: Chưa hoàn thành in a subject rules out Hoàn thành tốt', () => {
    const c = primary(4);
    const i = indexOf(c, 'DAO_DUC');
    c.subjects[i].level = 'Chưa hoàn thành';
    const err = expectRule(c, HocBaRule.PRIMARY_YEAR_RESULT, 'content.yearResult');
    expect(err.text.en).toContain('must be Chưa hoàn thành');
  });

  it('PRIMARY_PROMOTION and PRIMARY_AWARD follow the year result', () => {
    const c = primary(5);
    expect(c.promotion.decision).toBe('PROGRAM_COMPLETED');
    expectRule({ ...c, promotion: { decision: 'REPEAT' } }, HocBaRule.PRIMARY_PROMOTION, 'content.promotion.decision');
    const award = c.yearResult === 'Hoàn thành xuất sắc' ? null : 'HOC_SINH_XUAT_SAC';
    expectRule({ ...c, award }, HocBaRule.PRIMARY_AWARD, 'content.award');
  });

  it('rejects secondary-only properties on a primary record', () => {
    const err = failure({ ...primary(), conduct: { hk1: 'Tốt', hk2: 'Tốt', year: 'Tốt' } });
    expect(err.code).toBe('INTERCHANGE.SCHEMA_INVALID');
    expect(err.field).toBe('content.conduct');
  });
});
