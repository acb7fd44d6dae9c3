import { describe, expect, it } from 'vitest';
import type { Expectations } from './document-type.interface.js';
import { exampleContext, ruleExpectation, ruleViolation } from './example-context.fixture.js';
import type { GradeBookRule } from './so-diem.rules.js';
import type { SoDiemContent } from './so-diem.schema.js';
import { SO_DIEM } from './so-diem.type.js';

const thcs = () => SO_DIEM.buildExample(exampleContext('THCS', 8)).content as SoDiemContent;
const EXPECTED: Expectations = { schoolYear: '2025-2026', subject: { className: '8A1', subjectCode: 'TOAN', term: 'hk1' } };
const expectRule = ruleExpectation<GradeBookRule>(SO_DIEM, EXPECTED);
const tenthStep = (score: number) => (Math.round(score * 10) + (score >= 10 ? -1 : 1)) / 10;


describe('sổ điểm rules (Circular 22/2021)', () => {
  it('SCHOOL_YEAR: two consecutive years, the document’s', () => {
    expectRule({ ...thcs(), schoolYear: '2025-2027' }, 'SCHOOL_YEAR', 'content.schoolYear');
    const err = expectRule(thcs(), 'SCHOOL_YEAR', 'content.schoolYear', { ...EXPECTED, schoolYear: '2024-2025' });
    expect(err.text.en).toContain("differs from the document's (2024-2025)");
  });

  it('GRADE_BOOK_SCOPE: class, subject and term as the document names them', () => {
    const scope = EXPECTED.subject;
    expectRule(thcs(), 'GRADE_BOOK_SCOPE', 'content.className', { ...EXPECTED, subject: { ...scope, className: '8A2' } });
    expectRule(thcs(), 'GRADE_BOOK_SCOPE', 'content.subjectCode', { ...EXPECTED, subject: { ...scope, subjectCode: 'NGU_VAN' } });
    const err = expectRule(thcs(), 'GRADE_BOOK_SCOPE', 'content.term', { ...EXPECTED, subject: { ...scope, term: 'hk2' } });
    expect(err.text.vi).toContain('học kì hk1 khác học kì của hồ sơ (hk2)');
  });

  it('GRADE_LEVEL: the grade belongs to the level', () => {
    const err = expectRule({ ...thcs(), grade: 10 }, 'GRADE_LEVEL', 'content.grade');
    expect(err.text.en).toContain('level THCS has grades 6 to 9');
  });

  it('SUBJECT_SET: a scored subject of the level, under its curriculum name', () => {
    const any = { ...EXPECTED, subject: {} };
    expectRule({ ...thcs(), subjectCode: 'VAT_LI' }, 'SUBJECT_SET', 'content.subjectCode', any);
    const err = expectRule({ ...thcs(), subjectCode: 'GDTC', subjectName: 'Giáo dục thể chất' }, 'SUBJECT_SET', 'content.subjectCode', any);
    expect(err.text.vi).toContain('được đánh giá bằng nhận xét');
    expect(err.text.en).toContain('assessed by comment only');
    expectRule({ ...thcs(), subjectName: 'Toan' }, 'SUBJECT_SET', 'content.subjectName');
  });

  it('GRADE_BOOK_DUPLICATE_STUDENT: names the second row', () => {
    const c = thcs();
    c.students.push(structuredClone(c.students[1]));
    const err = expectRule(c, 'GRADE_BOOK_DUPLICATE_STUDENT', 'content.students[4].studentId');
    expect(err.text.en).toContain('student 3100000102 (Trần Đức Bảo) has two rows');
  });

  it('REGULAR_SCORE_COUNT: the count follows the yearly periods', () => {
    const c = thcs();
    c.students[2].regular.pop();
    const err = expectRule(c, 'REGULAR_SCORE_COUNT', 'content.students[2].regular');
    expect(err.text.vi).toContain('cần 4 ĐĐGtx mỗi học kì, Lê Hà Chi có 3');
    expectRule({ ...thcs(), yearlyPeriods: 35 }, 'REGULAR_SCORE_COUNT', 'content.students[0].regular');
  });

  it('TERM_AVERAGE: an average off by 0.1', () => {
    const c = thcs();
    const right = c.students[3].average;
    c.students[3].average = tenthStep(right);
    const err = expectRule(c, 'TERM_AVERAGE', 'content.students[3].average');
    expect(err.text.vi).toContain(`điểm trung bình học kì I môn Toán của Phạm Gia Huy phải là ${right.toFixed(1)}`);
    expect(err.text.en).toContain(`Phạm Gia Huy's Toán term I average must be ${right.toFixed(1)}`);
  });

  it('reports the first violation in a fixed order', () => {
    const c = thcs();
    c.students[0].average = tenthStep(c.students[0].average);
    c.students.push(structuredClone(c.students[1]));
    const firstRule = (content: unknown) => ruleViolation(() => SO_DIEM.validate(content, 'content', EXPECTED)).rule;
    expect(firstRule({ ...c, grade: 10 })).toBe('GRADE_LEVEL');
    expect(firstRule(c)).toBe('TERM_AVERAGE');
  });
});
