import type { SchoolLevel } from '@edu/contracts';
import { describe, expect, it } from 'vitest';
import { CLASSMATES, exampleContext, schemaErrorExpectation } from './example-context.fixture.js';
import { commentBook, primaryBook } from './so-diem-forms.fixture.js';
import type { PrimaryGradeBook, ScoredGradeBook } from './so-diem.schema.js';
import { SO_DIEM } from './so-diem.type.js';

const example = (level: SchoolLevel = 'THCS', grade = 8) => SO_DIEM.buildExample(exampleContext(level, grade));
const thcs = () => example().content as ScoredGradeBook;
const EXPECTED = { schoolYear: '2025-2026', subject: { className: '8A1', subjectCode: 'TOAN', term: 'hk1' as const } };
const expectSchemaError = schemaErrorExpectation(SO_DIEM, EXPECTED, { vi: 'Sổ điểm', en: 'Grade book' });


describe('sổ điểm example', () => {
  it('passes validation for a THCS and a THPT class, naming its class, subject and term', () => {
    const lower = example('THCS', 8);
    expect(lower.subject).toEqual({ className: '8A1', subjectCode: 'TOAN', term: 'hk1' });
    expect(() => SO_DIEM.validate(lower.content, 'content', { schoolYear: '2025-2026', subject: lower.subject })).not.toThrow();
    const upper = example('THPT', 11);
    expect(() => SO_DIEM.validate(upper.content, 'content', { schoolYear: '2025-2026', subject: upper.subject })).not.toThrow();
    expect((upper.content as ScoredGradeBook).yearlyPeriods).toBe(105);
  });

  it('has one row per classmate with four regular scores, reproducibly', () => {
    const c = thcs();
    expect(c.students.map((r) => r.studentId)).toEqual(CLASSMATES.map((s) => s.studentId));
    expect(c.students.every((r) => r.regular.length === 4)).toBe(true);
    expect(c).toEqual(thcs());
    expect(c.teacher.name).toBe('Phạm Quang Huy');
    expect(c.principal.name).toBe('Vũ Quang Minh');
  });

  it('for a primary school, is a valid Toán book of levels and test scores, kept by the homeroom teacher', () => {
    for (const grade of [1, 4]) {
      const primary = example('TIEU_HOC', grade);
      expect(primary.subject).toEqual({ className: `${grade}A1`, subjectCode: 'TOAN', term: 'hk1' });
      expect(() => SO_DIEM.validate(primary.content, 'content', { schoolYear: '2025-2026', subject: primary.subject })).not.toThrow();
    }
    const c = example('TIEU_HOC', 4).content as PrimaryGradeBook;
    expect(c).toMatchObject({ level: 'TIEU_HOC', grade: 4, subjectName: 'Toán', teacher: { name: 'Đỗ Thu Hà' } });
    expect(c.students.map((r) => r.studentId)).toEqual(CLASSMATES.map((s) => s.studentId));
    expect(c.students.every((r) => Number.isInteger(r.testScore) && r.testScore! >= 1 && r.testScore! <= 10)).toBe(true);
    expect(new Set(c.students.map((r) => r.level)).size).toBeGreaterThan(1);
    expect(c).toEqual(example('TIEU_HOC', 4).content);
  });
});

describe('sổ điểm schema', () => {
  it('names the field at fault', () => {
    expectSchemaError({ ...thcs(), level: 'MAM_NON' }, 'content.level');
    expectSchemaError({ ...thcs(), term: 'year' }, 'content.term');
    expectSchemaError({ ...thcs(), students: [] }, 'content.students');
    const { subjectCode: _omitted, ...noSubject } = thcs();
    expect(expectSchemaError(noSubject, 'content.subjectCode').text.vi).toContain('thiếu trường bắt buộc');
  });

  it('checks every row: one decimal, 0–10, no extra properties, a 10-digit sector ID', () => {
    const c = thcs();
    c.students[1].midterm = 7.25;
    expect(expectSchemaError(c, 'content.students[1].midterm').text.vi).toContain('một chữ số thập phân');
    const high = thcs();
    high.students[2].regular[3] = 10.5;
    expectSchemaError(high, 'content.students[2].regular[3]');
    const extra = thcs();
    Object.assign(extra.students[0], { comment: 'x' });
    expectSchemaError(extra, 'content.students[0].comment');
    const id = thcs();
    id.students[3].studentId = '31000001';
    expectSchemaError(id, 'content.students[3].studentId');
  });
});

describe('sổ điểm schema: the form', () => {
  it('takes a scored book with or without assessment "score", and no other assessment than "comment"', () => {
    const expected = { schoolYear: '2025-2026', subject: {} };
    expect(() => SO_DIEM.validate({ ...thcs(), assessment: 'score' }, 'content', expected)).not.toThrow();
    expect(expectSchemaError({ ...thcs(), assessment: 'primary' }, 'content.assessment').text.en).toContain('"score", "comment"');
  });

  it('reads a comment book’s rows as Đạt / Chưa đạt with the term’s result', () => {
    const number = commentBook();
    Object.assign(number.students[0], { regular: [8, 9, 7] });
    expectSchemaError(number, 'content.students[0].regular[0]');
    const short = commentBook();
    short.students[1].midterm = 'Đ' as 'Đạt';
    expect(expectSchemaError(short, 'content.students[1].midterm').text.en).toContain('"Đạt", "Chưa đạt"');
    const { result: _omitted, ...noResult } = commentBook().students[2];
    expectSchemaError({ ...commentBook(), students: [noResult] }, 'content.students[0].result');
    expectSchemaError({ ...commentBook(), students: thcs().students }, 'content.students[0].result');
  });

  it('reads a primary book’s rows as a level and a whole-number test score, with no yearly periods', () => {
    const level = primaryBook();
    level.students[0].level = 'T' as 'Hoàn thành tốt';
    expect(expectSchemaError(level, 'content.students[0].level').text.en).toContain('"Hoàn thành tốt", "Hoàn thành", "Chưa hoàn thành"');
    const decimal = primaryBook();
    decimal.students[1].testScore = 7.5;
    expectSchemaError(decimal, 'content.students[1].testScore');
    const zero = primaryBook();
    zero.students[2].testScore = 0;
    expectSchemaError(zero, 'content.students[2].testScore');
    const scores = primaryBook();
    Object.assign(scores.students[3], { average: 8.5 });
    expectSchemaError(scores, 'content.students[3].average');
    expectSchemaError({ ...primaryBook(), yearlyPeriods: 140 }, 'content.yearlyPeriods');
    const { level: _omitted, ...noLevel } = primaryBook().students[0];
    expectSchemaError({ ...primaryBook(), students: [noLevel] }, 'content.students[0].level');
  });
});

describe('SO_DIEM', () => {
  it('keys the record by class, subject and term, and lists the rows’ students', () => {
    const c = thcs();
    expect(SO_DIEM.recordKey(c)).toBe('8A1|TOAN|hk1');
    expect(SO_DIEM.listedStudents?.(c, 'body.content')).toEqual(
      CLASSMATES.map((s, i) => ({ studentId: s.studentId, field: `body.content.students[${i}].studentId` })),
    );
    expect(SO_DIEM.signers).toEqual(['subject-teacher', 'principal']);
    expect(SO_DIEM.subjectKind).toBe('class-subject-term');
  });
});
