import { DomainError } from '@edu/errors';
import { describe, expect, it } from 'vitest';
import { buildHocBaExample, type HocBaExampleInput } from './hoc-ba.example.js';
import { HocBaRuleViolation } from './hoc-ba-rule.js';
import type { SecondaryHocBaContent } from '@edu/contracts';
import { toFieldPath, validateHocBaContent, type HocBaExpectations } from './hoc-ba.validator.js';

const thcsInput: HocBaExampleInput = {
  student: { studentId: '3101234567', fullName: 'Nguyễn Thị Minh Anh', dateOfBirth: '2010-03-15', gender: 'NU', personalId: '031310123456' },
  school: { code: '31000101', name: 'Trường THCS Chu Văn An', level: 'THCS' },
  className: '9A1',
  grade: 9,
  schoolYear: '2024-2025',
  homeroomTeacher: 'Trần Văn Bình',
  principal: 'Lê Thị Hoa',
  seed: 7,
};

function thcs(): SecondaryHocBaContent {
  return buildHocBaExample(thcsInput) as SecondaryHocBaContent;
}

function failure(content: unknown, expected?: HocBaExpectations): DomainError {
  try {
    validateHocBaContent(content, 'content', expected);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected validation to fail');
}

function expectSchemaError(content: unknown, field: string): DomainError {
  const err = failure(content);
  expect(err.code).toBe('INTERCHANGE.SCHEMA_INVALID');
  expect(err.kind).toBe('invalid');
  expect(err.field).toBe(field);
  return err;
}

describe('toFieldPath', () => {
  it('turns an Ajv instance path into a dotted path with indices', () => {
    expect(toFieldPath('content', '/subjects/3/terms/hk1/midterm')).toBe('content.subjects[3].terms.hk1.midterm');
    expect(toFieldPath('content', '', 'student')).toBe('content.student');
    expect(toFieldPath('body.content', '/a~1b/0', 'c')).toBe('body.content.a/b[0].c');
  });
});

describe('validateHocBaContent: structure (INTERCHANGE.SCHEMA_INVALID)', () => {
  const toan = (c: SecondaryHocBaContent) => c.subjects.findIndex((s) => s.code === 'TOAN');

  it('accepts the example', () => {
    expect(() => validateHocBaContent(thcs())).not.toThrow();
  });

  it('rejects a score with two decimals', () => {
    const c = thcs();
    const i = toan(c);
    (c.subjects[i].terms.hk1 as { midterm: number }).midterm = 7.25;
    const err = expectSchemaError(c, `content.subjects[${i}].terms.hk1.midterm`);
    expect(err.text.vi).toContain('một chữ số thập phân');
  });

  it('rejects a score of 10.5', () => {
    const c = thcs();
    const i = toan(c);
    (c.subjects[i].terms.hk2 as { final: number }).final = 10.5;
    expectSchemaError(c, `content.subjects[${i}].terms.hk2.final`);
  });

  it('names an unknown property, at the top and deep down', () => {
    expectSchemaError({ ...thcs(), signature: 'x' }, 'content.signature');
    const c = thcs();
    Object.assign(c.subjects[0].terms.hk1, { bonus: 1 });
    expectSchemaError(c, 'content.subjects[0].terms.hk1.bonus');
  });

  it('names the missing property', () => {
    const c = thcs();
    delete (c.student as Partial<typeof c.student>).studentId;
    const err = expectSchemaError(c, 'content.student.studentId');
    expect(err.text.vi).toContain('thiếu trường bắt buộc');
  });

  it('rejects a malformed sector ID, date or personal ID', () => {
    expectSchemaError({ ...thcs(), student: { ...thcs().student, studentId: '31012345' } }, 'content.student.studentId');
    expectSchemaError({ ...thcs(), student: { ...thcs().student, dateOfBirth: '2010-02-30' } }, 'content.student.dateOfBirth');
    expectSchemaError({ ...thcs(), student: { ...thcs().student, personalId: '03131012345' } }, 'content.student.personalId');
  });

  it('rejects an unknown level and a rating outside the circular’s words', () => {
    expectSchemaError({ ...thcs(), level: 'DAI_HOC' }, 'content.level');
    const err = expectSchemaError({ ...thcs(), conduct: { hk1: 'Giỏi', hk2: 'Tốt', year: 'Tốt' } }, 'content.conduct.hk1');
    expect(err.text.en).toContain('"Chưa đạt"');
  });

  it('rejects a non-object and uses the given prefix', () => {
    expectSchemaError(null, 'content');
    const c = thcs();
    delete (c as Partial<SecondaryHocBaContent>).remarks;
    expect(() => validateHocBaContent(c, 'body.content')).toThrowError(
      expect.objectContaining({ field: 'body.content.remarks' }),
    );
  });
});

describe('validateHocBaContent: document-level rules', () => {
  it('requires two consecutive years', () => {
    const err = failure({ ...thcs(), schoolYear: '2024-2026' });
    expect(err).toBeInstanceOf(HocBaRuleViolation);
    expect((err as HocBaRuleViolation).rule).toBe('SCHOOL_YEAR');
    expect(err.field).toBe('content.schoolYear');
  });

  it('requires the school year and student of the document around it', () => {
    expect(failure(thcs(), { schoolYear: '2023-2024' }).field).toBe('content.schoolYear');
    expect(failure(thcs(), { studentId: '3109999999' }).field).toBe('content.student.studentId');
    expect(() => validateHocBaContent(thcs(), 'content', { schoolYear: '2024-2025', studentId: '3101234567' })).not.toThrow();
  });

  it('requires the grade to belong to the level', () => {
    const err = failure({ ...thcs(), grade: 10 }) as HocBaRuleViolation;
    expect(err.rule).toBe('GRADE_LEVEL');
    expect(err.field).toBe('content.grade');
  });

  it('checks the personal ID against gender and birth year', () => {
    const male = failure({ ...thcs(), student: { ...thcs().student, gender: 'NAM' } }) as HocBaRuleViolation;
    expect(male.rule).toBe('STUDENT_IDENTITY');
    expect(male.field).toBe('content.student.personalId');
    const year = failure({ ...thcs(), student: { ...thcs().student, dateOfBirth: '2011-03-15' } }) as HocBaRuleViolation;
    expect(year.rule).toBe('STUDENT_IDENTITY');
    const { personalId: _omitted, ...withoutId } = thcs().student;
    expect(() => validateHocBaContent({ ...thcs(), student: withoutId })).not.toThrow();
  });
});
