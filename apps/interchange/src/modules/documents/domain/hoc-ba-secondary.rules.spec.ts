import { describe, expect, it } from 'vitest';
import { buildHocBaExample, type HocBaExampleInput } from './hoc-ba.example.js';
import { HocBaRule, HocBaRuleViolation } from './hoc-ba-rule.js';
import type { ScoredSubject, SecondaryHocBaContent, SecondaryLevel } from '@edu/contracts';
import { validateHocBaContent } from './hoc-ba.validator.js';

const input = (level: SecondaryLevel, grade: number): HocBaExampleInput => ({
  student: { studentId: '3101234567', fullName: 'Phạm Gia Huy', dateOfBirth: '2008-09-02', gender: 'NAM' },
  school: { code: '31000201', name: level === 'THCS' ? 'Trường THCS Hồng Bàng' : 'Trường THPT Trần Phú', level },
  className: `${grade}A2`,
  grade,
  schoolYear: '2024-2025',
  homeroomTeacher: 'Đỗ Thu Hà',
  principal: 'Vũ Quang Minh',
  seed: 11,
});
const thcs = () => buildHocBaExample(input('THCS', 8)) as SecondaryHocBaContent;
const thpt = () => buildHocBaExample(input('THPT', 11)) as SecondaryHocBaContent;
const indexOf = (c: SecondaryHocBaContent, code: string) => c.subjects.findIndex((s) => s.code === code);
const scored = (c: SecondaryHocBaContent, code: string) => c.subjects[indexOf(c, code)] as ScoredSubject;
const tenthStep = (score: number) => (Math.round(score * 10) + (score >= 10 ? -1 : 1)) / 10;

function violation(content: unknown): HocBaRuleViolation {
  try {
    validateHocBaContent(content);
  } catch (err) {
    if (err instanceof HocBaRuleViolation) return err;
    throw err;
  }
  throw new Error('expected a rule violation');
}

function expectRule(content: unknown, rule: HocBaRule, field: string): HocBaRuleViolation {
  const err = violation(content);
  expect(err.code).toBe('INTERCHANGE.RULE_VIOLATED');
  expect(err.kind).toBe('invalid');
  expect(err.rule).toBe(rule);
  expect(err.field).toBe(field);
  expect(err.text.vi).toContain(`Vi phạm quy tắc ${rule}`);
  expect(err.text.en).toContain(`Rule ${rule} (Circular`);
  return err;
}

describe('secondary rules (Circular 22/2021)', () => {
  it('accepts the THCS and THPT examples', () => {
    expect(() => validateHocBaContent(thcs())).not.toThrow();
    expect(() => validateHocBaContent(thpt())).not.toThrow();
  });

  it('TERM_AVERAGE: a term average off by 0.1', () => {
    const c = thcs();
    const toan = scored(c, 'TOAN');
    const right = toan.terms.hk1.average;
    toan.terms.hk1.average = tenthStep(right);
    const err = expectRule(c, HocBaRule.TERM_AVERAGE, `content.subjects[${indexOf(c, 'TOAN')}].terms.hk1.average`);
    expect(err.text.en).toContain(`Toán term I average must be ${right.toFixed(1)}`);
    expect(err.text.vi).toContain(`điểm trung bình học kì I của môn Toán phải là ${right.toFixed(1)}`);
  });

  it('YEAR_AVERAGE: a year average off by 0.1', () => {
    const c = thcs();
    const van = scored(c, 'NGU_VAN');
    van.yearAverage = tenthStep(van.yearAverage);
    expectRule(c, HocBaRule.YEAR_AVERAGE, `content.subjects[${indexOf(c, 'NGU_VAN')}].yearAverage`);
  });

  it('REGULAR_SCORE_COUNT: three regular scores in a 140-period subject', () => {
    const c = thcs();
    scored(c, 'TOAN').terms.hk2.regular.pop();
    const err = expectRule(c, HocBaRule.REGULAR_SCORE_COUNT, `content.subjects[${indexOf(c, 'TOAN')}].terms.hk2.regular`);
    expect(err.text.en).toContain('needs 4 regular assessments');
  });

  it('REGULAR_SCORE_COUNT: comment subjects count their regular assessments too', () => {
    const c = thcs();
    (c.subjects[indexOf(c, 'GDTC')].terms.hk1.regular as string[]).push('Đạt');
    expectRule(c, HocBaRule.REGULAR_SCORE_COUNT, `content.subjects[${indexOf(c, 'GDTC')}].terms.hk1.regular`);
  });

  it('COMMENT_SUBJECT_RESULT: the year result follows term II', () => {
    const c = thcs();
    const i = indexOf(c, 'NGHE_THUAT');
    Object.assign(c.subjects[i], { yearResult: 'Chưa đạt' });
    expectRule(c, HocBaRule.COMMENT_SUBJECT_RESULT, `content.subjects[${i}].yearResult`);
  });

  it('LEARNING_RESULT: a result the averages do not support', () => {
    const c = thcs();
    c.learningResult.hk2 = c.learningResult.hk2 === 'Chưa đạt' ? 'Đạt' : 'Chưa đạt';
    expectRule(c, HocBaRule.LEARNING_RESULT, 'content.learningResult.hk2');
  });

  it('PROMOTION: 45 days absent still promotes, 46 does not', () => {
    const c = thcs();
    expect(c.promotion.decision).toBe('PROMOTED');
    expect(() => validateHocBaContent({ ...c, daysAbsent: 45 })).not.toThrow();
    const err = expectRule({ ...c, daysAbsent: 46 }, HocBaRule.PROMOTION, 'content.promotion.decision');
    expect(err.text.en).toContain('must be REPEAT');
    expect(() => validateHocBaContent({ ...c, daysAbsent: 46, promotion: { decision: 'REPEAT' } })).not.toThrow();
  });

  it('PROMOTION: the last grade of a level completes the programme', () => {
    const c = buildHocBaExample(input('THCS', 9)) as SecondaryHocBaContent;
    expect(c.promotion.decision).toBe('PROGRAM_COMPLETED');
    expectRule({ ...c, promotion: { decision: 'PROMOTED' } }, HocBaRule.PROMOTION, 'content.promotion.decision');
  });

  it('AWARD: an award not earned', () => {
    const c = thcs();
    c.conduct = { hk1: 'Khá', hk2: 'Khá', year: 'Khá' };
    c.award = 'HOC_SINH_GIOI';
    const err = expectRule(c, HocBaRule.AWARD, 'content.award');
    expect(err.text.en).toContain('must be none');
  });

  it('SUBJECT_SET: a missing compulsory subject', () => {
    const c = thcs();
    c.subjects = c.subjects.filter((s) => s.code !== 'GDCD');
    const err = expectRule(c, HocBaRule.SUBJECT_SET, 'content.subjects');
    expect(err.text.vi).toContain('thiếu môn bắt buộc Giáo dục công dân');
  });

  it('SUBJECT_SET: a duplicate subject', () => {
    const c = thcs();
    c.subjects.push(structuredClone(scored(c, 'TOAN')));
    expectRule(c, HocBaRule.SUBJECT_SET, `content.subjects[${c.subjects.length - 1}].code`);
  });

  it('SUBJECT_SET: a misspelt name, the wrong assessment, a subject from another level', () => {
    const misspelt = thcs();
    misspelt.subjects[indexOf(misspelt, 'TOAN')].name = 'Toan';
    expectRule(misspelt, HocBaRule.SUBJECT_SET, `content.subjects[${indexOf(misspelt, 'TOAN')}].name`);
    const wrongKind = thcs();
    const { yearResult: _y, ...rest } = wrongKind.subjects[indexOf(wrongKind, 'GDTC')] as { yearResult: string };
    Object.assign(rest, { assessment: 'score', yearAverage: 8, terms: scored(wrongKind, 'TIN_HOC').terms });
    wrongKind.subjects[indexOf(wrongKind, 'GDTC')] = rest as unknown as ScoredSubject;
    expectRule(wrongKind, HocBaRule.SUBJECT_SET, `content.subjects[${indexOf(wrongKind, 'GDTC')}].assessment`);
    const foreign = thcs();
    foreign.subjects[0].code = 'VAT_LI';
    expectRule(foreign, HocBaRule.SUBJECT_SET, 'content.subjects[0].code');
  });

  it('SUBJECT_SET: THPT takes exactly four electives', () => {
    const c = thpt();
    const elective = c.subjects.findIndex((s) => ['DIA_LI', 'VAT_LI', 'HOA_HOC', 'SINH_HOC', 'TIN_HOC', 'CONG_NGHE'].includes(s.code));
    c.subjects.splice(elective, 1);
    const err = expectRule(c, HocBaRule.SUBJECT_SET, 'content.subjects');
    expect(err.text.en).toContain('exactly 4 elective subjects');
  });

  it('reports the first violation in a fixed order', () => {
    const c = thcs();
    const toan = scored(c, 'TOAN');
    toan.yearAverage = tenthStep(toan.yearAverage);
    toan.terms.hk2.average = tenthStep(toan.terms.hk2.average);
    c.award = 'HOC_SINH_XUAT_SAC';
    expect(violation(c).rule).toBe(HocBaRule.TERM_AVERAGE);
  });
});
