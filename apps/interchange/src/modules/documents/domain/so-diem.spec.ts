import type { SchoolLevel } from '@edu/contracts';
import { describe, expect, it } from 'vitest';
import { CLASSMATES, exampleContext, schemaErrorExpectation, thrown } from './example-context.fixture.js';
import type { SoDiemContent } from './so-diem.schema.js';
import { SO_DIEM } from './so-diem.type.js';

const example = (level: SchoolLevel = 'THCS', grade = 8) => SO_DIEM.buildExample(exampleContext(level, grade));
const thcs = () => example().content as SoDiemContent;
const EXPECTED = { schoolYear: '2025-2026', subject: { className: '8A1', subjectCode: 'TOAN', term: 'hk1' as const } };
const expectSchemaError = schemaErrorExpectation(SO_DIEM, EXPECTED, { vi: 'Sổ điểm', en: 'Grade book' });


describe('sổ điểm example', () => {
  it('passes validation for a THCS and a THPT class, naming its class, subject and term', () => {
    const lower = example('THCS', 8);
    expect(lower.subject).toEqual({ className: '8A1', subjectCode: 'TOAN', term: 'hk1' });
    expect(() => SO_DIEM.validate(lower.content, 'content', { schoolYear: '2025-2026', subject: lower.subject })).not.toThrow();
    const upper = example('THPT', 11);
    expect(() => SO_DIEM.validate(upper.content, 'content', { schoolYear: '2025-2026', subject: upper.subject })).not.toThrow();
    expect((upper.content as SoDiemContent).yearlyPeriods).toBe(105);
  });

  it('has one row per classmate with four regular scores, reproducibly', () => {
    const c = thcs();
    expect(c.students.map((r) => r.studentId)).toEqual(CLASSMATES.map((s) => s.studentId));
    expect(c.students.every((r) => r.regular.length === 4)).toBe(true);
    expect(c).toEqual(thcs());
    expect(c.teacher.name).toBe('Phạm Quang Huy');
    expect(c.principal.name).toBe('Vũ Quang Minh');
  });

  it('is unavailable for a primary school', () => {
    const err = thrown(() => example('TIEU_HOC', 4));
    expect(err.code).toBe('INTERCHANGE.EXAMPLE_UNAVAILABLE');
    expect(err.kind).toBe('unprocessable');
    expect(err.field).toBe('type');
    expect(err.text.vi).toContain('THCS và THPT');
    expect(err.text.en).toContain('lower and upper secondary only');
  });
});

describe('sổ điểm schema', () => {
  it('names the field at fault', () => {
    expectSchemaError({ ...thcs(), level: 'TIEU_HOC' }, 'content.level');
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
