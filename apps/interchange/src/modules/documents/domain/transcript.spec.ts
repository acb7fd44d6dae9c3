import type { SchoolLevel } from '@edu/contracts';
import { describe, expect, it } from 'vitest';
import type { Expectations } from './document-type.interface.js';
import { DOCUMENT_TYPES } from './document-types.js';
import { exampleContext, ruleExpectation, schemaErrorExpectation, thrown } from './example-context.fixture.js';
import { buildHocBaExample } from './hoc-ba.example.js';
import { THCS_SUBJECTS } from './subject-catalogue.js';
import type { TranscriptRule } from './transcript.rules.js';
import type { TranscriptContent } from './transcript.schema.js';
import { BANG_DIEM } from './transcript.type.js';

const EXPECTED: Expectations = { schoolYear: '2025-2026', subject: { studentId: '3100000103' } };
const example = (level: SchoolLevel = 'THCS', grade = 8) => BANG_DIEM.buildExample(exampleContext(level, grade));
const thcs = () => example().content as TranscriptContent;
const expectRule = ruleExpectation<TranscriptRule>(BANG_DIEM, EXPECTED);
const expectSchemaError = schemaErrorExpectation(BANG_DIEM, EXPECTED, { vi: 'Bảng điểm', en: 'Transcript' });
const passes = (content: unknown) => expect(() => BANG_DIEM.validate(content, 'content', EXPECTED)).not.toThrow();
const edited = (edit: (c: TranscriptContent) => unknown) => {
  const c = thcs();
  edit(c);
  return c;
};



describe('bảng điểm example', () => {
  it.each([['THCS', 6], ['THCS', 8], ['THCS', 9], ['THPT', 10], ['THPT', 12]] as const)('passes validation at %s, grade %i', (level, grade) => {
    const { subject, content } = example(level, grade);
    expect(subject).toEqual({ studentId: '3100000103' });
    expect(() => BANG_DIEM.validate(content, 'content', { schoolYear: '2025-2026', subject })).not.toThrow();
  });

  it('lists every year of the level up to the context’s, with a stable request number, reproducibly', () => {
    const c = thcs();
    const years = c.years.map((y) => `${y.schoolYear} ${y.grade} ${y.className}`);
    expect(years).toEqual(['2023-2024 6 6A1', '2024-2025 7 7A1', '2025-2026 8 8A1']);
    expect(c.years[0].subjects.map((s) => s.code)).toEqual(THCS_SUBJECTS.map((s) => s.code));
    expect(c.years.every((y) => y.conduct === 'Tốt')).toBe(true);
    expect([c.requestNumber, c.issuedOn, c.principal.name]).toEqual(['BD-31000201-2026-000103', '2026-05-25', 'Vũ Quang Minh']);
    expect(c.student.personalId).toBe('031311123456');
    expect(c).toEqual(thcs());
  });

  it('takes at THPT the compulsory subjects and the electives of the student’s học bạ example', () => {
    const c = example('THPT', 11).content as TranscriptContent;
    const hocBa = buildHocBaExample(exampleContext('THPT', 11)).subjects.map((s) => s.code);
    expect(c.years.map((y) => y.grade)).toEqual([10, 11]);
    for (const year of c.years) expect(year.subjects.map((s) => s.code).sort()).toEqual([...hocBa].sort());
  });

  it('is unavailable for a primary school', () => {
    const err = thrown(() => example('TIEU_HOC', 5));
    expect([err.code, err.kind, err.field]).toEqual(['INTERCHANGE.EXAMPLE_UNAVAILABLE', 'unprocessable', 'type']);
    expect(err.text.vi).toContain('THCS và THPT');
    expect(err.text.en).toContain('lower and upper secondary only');
  });
});

describe('bảng điểm schema', () => {
  it('names the field at fault', () => {
    expectSchemaError({ ...thcs(), level: 'TIEU_HOC' }, 'content.level');
    expectSchemaError({ ...thcs(), requestNumber: 'bd-1' }, 'content.requestNumber');
    expectSchemaError({ ...thcs(), purpose: 'x'.repeat(301) }, 'content.purpose');
    expectSchemaError({ ...thcs(), years: [] }, 'content.years');
    const { principal: _omitted, ...unsigned } = thcs();
    expect(expectSchemaError(unsigned, 'content.principal').text.vi).toContain('thiếu trường bắt buộc');
  });

  it('reads years and subjects as the học bạ does', () => {
    const fine = edited((c) => Object.assign(c.years[1].subjects[0], { yearAverage: 7.25 }));
    expect(expectSchemaError(fine, 'content.years[1].subjects[0].yearAverage').text.vi).toContain('một chữ số thập phân');
    // Subject 8 is Giáo dục thể chất, assessed by comment.
    expectSchemaError(edited((c) => Object.assign(c.years[0].subjects[8], { yearAverage: 8 })), 'content.years[0].subjects[8].yearAverage');
    expectSchemaError(edited((c) => Object.assign(c.years[2], { learningResult: 'Giỏi' })), 'content.years[2].learningResult');
  });
});

describe('bảng điểm rules', () => {
  it('SCHOOL_YEAR and TRANSCRIPT_STUDENT: the document’s year and student', () => {
    expectRule({ ...thcs(), schoolYear: '2025-2027' }, 'SCHOOL_YEAR', 'content.schoolYear');
    expectRule(thcs(), 'SCHOOL_YEAR', 'content.schoolYear', { ...EXPECTED, schoolYear: '2024-2025' });
    const err = expectRule(thcs(), 'TRANSCRIPT_STUDENT', 'content.student.studentId', { ...EXPECTED, subject: { studentId: '3100000999' } });
    expect(err.text.en).toContain("differs from the document's student (3100000999)");
  });

  it('TRANSCRIPT_YEARS: consecutive pairs, forward, none after the issuing year; grades within the level, never going down', () => {
    const withYear = (i: number, change: object) => ({ ...thcs(), years: thcs().years.map((y, j) => (j === i ? { ...y, ...change } : y)) });
    expectRule(withYear(1, { schoolYear: '2024-2026' }), 'TRANSCRIPT_YEARS', 'content.years[1].schoolYear');
    const back = expectRule(withYear(1, { schoolYear: '2023-2024' }), 'TRANSCRIPT_YEARS', 'content.years[1].schoolYear');
    expect(back.text.en).toContain('must come after the one listed before it (2023-2024)');
    const late = expectRule(withYear(2, { schoolYear: '2026-2027' }), 'TRANSCRIPT_YEARS', 'content.years[2].schoolYear');
    expect(late.text.vi).toContain('sau năm học cấp bảng điểm (2025-2026)');
    const level = expectRule(withYear(2, { grade: 10 }), 'TRANSCRIPT_YEARS', 'content.years[2].grade');
    expect(level.text.vi).toContain('cấp THCS chỉ có lớp 6 đến 9');
    passes(withYear(2, { grade: 7, className: '7A2' })); // kept back a year: grade 7 twice
    const down = expectRule(withYear(2, { grade: 6 }), 'TRANSCRIPT_YEARS', 'content.years[2].grade');
    expect(down.text.en).toContain('must not be below grade 7 of the year before');
  });

  it('SUBJECT_SET: each subject once, from the level’s curriculum, named and assessed as there', () => {
    const withSubject = (change: object) => edited((c) => Object.assign(c.years[2].subjects[0], change));
    const scoredGdtc = edited((c) => (c.years[2].subjects[8] = { code: 'GDTC', name: 'Giáo dục thể chất', assessment: 'score', yearAverage: 8 }));
    expectRule(withSubject({ code: 'VAT_LI', name: 'Vật lí' }), 'SUBJECT_SET', 'content.years[2].subjects[0].code');
    expectRule(withSubject({ code: 'TOAN', name: 'Toán' }), 'SUBJECT_SET', 'content.years[2].subjects[1].code');
    expectRule(withSubject({ name: 'Văn' }), 'SUBJECT_SET', 'content.years[2].subjects[0].name');
    const err = expectRule(scoredGdtc, 'SUBJECT_SET', 'content.years[2].subjects[8].assessment');
    expect(err.text.vi).toContain('Giáo dục thể chất phải được đánh giá bằng nhận xét');
  });

  it('LEARNING_RESULT: each year’s, from its subjects’ year results', () => {
    const failed = edited((c) => c.years[1].subjects.forEach((s) => s.assessment === 'comment' && (s.yearResult = 'Chưa đạt')));
    const err = expectRule(failed, 'LEARNING_RESULT', 'content.years[1].learningResult');
    expect(err.text.en).toContain('learning result for 2024-2025 must be Chưa đạt');
    // Every year's subjects are checked before any year's learning result.
    Object.assign(failed.years[2].subjects[0], { name: 'Văn' });
    expectRule(failed, 'SUBJECT_SET', 'content.years[2].subjects[0].name');
  });

  it('TRANSCRIPT_ISSUE_DATE: from 1 September of the issuing year to the end of the calendar year it closes in', () => {
    passes({ ...thcs(), issuedOn: '2025-09-01' });
    passes({ ...thcs(), issuedOn: '2026-12-31' });
    expectRule({ ...thcs(), issuedOn: '2025-08-31' }, 'TRANSCRIPT_ISSUE_DATE', 'content.issuedOn');
    const err = expectRule({ ...thcs(), issuedOn: '2027-01-04' }, 'TRANSCRIPT_ISSUE_DATE', 'content.issuedOn');
    expect(err.text.vi).toContain('từ 2025-09-01 đến 2026-12-31 của năm học 2025-2026');
    // A transcript of the issuing year alone: the window is the first year's too.
    expectRule({ ...(example('THCS', 6).content as TranscriptContent), issuedOn: '2025-08-31' }, 'TRANSCRIPT_ISSUE_DATE', 'content.issuedOn');
  });
});

describe('BANG_DIEM', () => {
  it('is registered after so-diem, signed by the principal then sealed, and keys a record by student and request', () => {
    expect(DOCUMENT_TYPES['bang-diem']).toBe(BANG_DIEM);
    expect(Object.keys(DOCUMENT_TYPES)).toEqual(['hoc-ba', 'so-diem', 'bang-diem', 'chung-chi', 'chung-nhan', 'hoa-don', 'hop-dong']);
    expect([BANG_DIEM.type, BANG_DIEM.title, BANG_DIEM.onePer]).toEqual(['bang-diem', { vi: 'Bảng điểm', en: 'Transcript' }, 'student × request']);
    expect([BANG_DIEM.signers, BANG_DIEM.subjectKind, BANG_DIEM.listedStudents]).toEqual([['principal', 'institution-seal'], 'student', undefined]);
    expect(BANG_DIEM.recordKey(thcs())).toBe('3100000103|BD-31000201-2026-000103');
  });
});
