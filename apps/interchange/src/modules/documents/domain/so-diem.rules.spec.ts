import { describe, expect, it } from 'vitest';
import type { Expectations } from './document-type.interface.js';
import { ruleExpectation, ruleViolation } from './example-context.fixture.js';
import { commentBook, primaryBook, scoredBook as thcs } from './so-diem-forms.fixture.js';
import type { GradeBookRule } from './so-diem-rule.js';
import type { PrimaryGradeBook } from './so-diem.schema.js';
import { SO_DIEM } from './so-diem.type.js';

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

describe('sổ điểm rules of a comment subject (Circular 22/2021)', () => {
  const GDTC: Expectations = { schoolYear: '2025-2026', subject: { className: '8A1', subjectCode: 'GDTC', term: 'hk1' } };
  const expectComment = ruleExpectation<GradeBookRule>(SO_DIEM, GDTC);
  const valid = (content: unknown, expected = GDTC) => expect(() => SO_DIEM.validate(content, 'content', expected)).not.toThrow();

  it('SUBJECT_SET: the book assesses by comment exactly the subjects the curriculum does', () => {
    valid(commentBook());
    valid({ ...commentBook(), subjectCode: 'NGHE_THUAT', subjectName: 'Nghệ thuật' }, { ...GDTC, subject: {} });
    const toan = { ...commentBook(), subjectCode: 'TOAN', subjectName: 'Toán' };
    const err = expectRule(toan, 'SUBJECT_SET', 'content.assessment');
    expect(err.text.en).toContain('Toán is assessed by comment plus score, so its grade book must say assessment "score"');
    expectComment({ ...thcs(), subjectCode: 'GDTC', subjectName: 'Giáo dục thể chất', assessment: 'score' }, 'SUBJECT_SET', 'content.assessment');
    expectComment({ ...commentBook(), level: 'THPT', grade: 11, subjectCode: 'NGHE_THUAT', subjectName: 'Nghệ thuật' }, 'SUBJECT_SET', 'content.subjectCode', { ...GDTC, subject: {} });
  });

  it('REGULAR_SCORE_COUNT: two regular assessments a term, whatever the yearly periods', () => {
    const c = commentBook();
    c.students[1].regular.push('Đạt');
    const err = expectComment(c, 'REGULAR_SCORE_COUNT', 'content.students[1].regular');
    expect(err.text.vi).toContain('cần 2 lần đánh giá thường xuyên mỗi học kì, Trần Đức Bảo có 3');
    valid({ ...commentBook(), yearlyPeriods: 35 });
    valid({ ...commentBook(), yearlyPeriods: 105 });
  });

  it('TERM_RESULT: Đạt exactly when every assessment of the term is Đạt', () => {
    const c = commentBook();
    c.students[2] = { ...c.students[2], regular: ['Đạt', 'Chưa đạt'], result: 'Chưa đạt' };
    valid(c);
    c.students[3] = { ...c.students[3], final: 'Chưa đạt' };
    const err = expectComment(c, 'TERM_RESULT', 'content.students[3].result');
    expect(err.text.vi).toContain('kết quả học kì I môn Giáo dục thể chất của Phạm Gia Huy phải là Chưa đạt vì có lần đánh giá Chưa đạt, sổ ghi Đạt');
    expect(err.text.en).toContain("Phạm Gia Huy's Giáo dục thể chất term I result must be Chưa đạt as an assessment is Chưa đạt");
    expect(err.text.vi).toContain('Kết quả học kì của môn đánh giá bằng nhận xét (Thông tư 22/2021/TT-BGDĐT)');
    const generous = commentBook();
    generous.students[0].result = 'Chưa đạt';
    expect(expectComment(generous, 'TERM_RESULT', 'content.students[0].result').text.en).toContain('must be Đạt as every assessment is Đạt');
  });

  it('checks the count of a row before its result', () => {
    const c = commentBook();
    c.students[0] = { ...c.students[0], regular: ['Chưa đạt'] };
    expectComment(c, 'REGULAR_SCORE_COUNT', 'content.students[0].regular');
  });
});

describe('sổ điểm rules of a primary school (Circular 27/2020)', () => {
  const PRIMARY: Expectations = { schoolYear: '2025-2026', subject: { className: '4A1', subjectCode: 'TOAN', term: 'hk1' } };
  const ANY: Expectations = { ...PRIMARY, subject: {} };
  const expectPrimary = ruleExpectation<GradeBookRule>(SO_DIEM, PRIMARY);
  const valid = (content: unknown, expected = PRIMARY) => expect(() => SO_DIEM.validate(content, 'content', expected)).not.toThrow();
  const untested = (code: string, name: string, grade = 4): PrimaryGradeBook => ({
    ...primaryBook(),
    grade,
    subjectCode: code,
    subjectName: name,
    students: primaryBook().students.map(({ testScore: _none, ...row }) => row),
  });

  it('GRADE_LEVEL: grades 1 to 5', () => {
    valid({ ...primaryBook(), grade: 1 });
    const err = expectPrimary({ ...primaryBook(), grade: 6 }, 'GRADE_LEVEL', 'content.grade');
    expect(err.text.en).toContain('level TIEU_HOC has grades 1 to 5, the grade book says 6');
  });

  it('SUBJECT_SET: a subject or activity of the grade, compulsory or optional, under its name, citing Circular 27', () => {
    valid(untested('GDTC', 'Giáo dục thể chất'), ANY);
    valid(untested('NGOAI_NGU_1', 'Ngoại ngữ 1', 2), ANY);
    const err = expectPrimary(untested('KHOA_HOC', 'Khoa học', 3), 'SUBJECT_SET', 'content.subjectCode', ANY);
    expect(err.text.en).toContain('Rule SUBJECT_SET (Circular 27/2020/TT-BGDDT) broken: subject KHOA_HOC is not in the grade 3 curriculum');
    expectPrimary(untested('NGHE_THUAT', 'Nghệ thuật'), 'SUBJECT_SET', 'content.subjectCode', ANY);
    expectPrimary({ ...primaryBook(), subjectName: 'Toan' }, 'SUBJECT_SET', 'content.subjectName');
  });

  it('GRADE_BOOK_DUPLICATE_STUDENT: names the second row', () => {
    const c = primaryBook();
    c.students.push(structuredClone(c.students[0]));
    expectPrimary(c, 'GRADE_BOOK_DUPLICATE_STUDENT', 'content.students[4].studentId');
  });

  it('PRIMARY_TEST_SCORE: a score exactly for the tested subjects of the grade', () => {
    const c = primaryBook();
    delete c.students[2].testScore;
    const err = expectPrimary(c, 'PRIMARY_TEST_SCORE', 'content.students[2].testScore');
    expect(err.text.vi).toContain('môn Toán lớp 4 có bài kiểm tra định kì cuối học kì, Lê Hà Chi thiếu điểm bài kiểm tra');
    valid({ ...primaryBook(), subjectCode: 'KHOA_HOC', subjectName: 'Khoa học' }, ANY);
    const gdtc = untested('GDTC', 'Giáo dục thể chất');
    gdtc.students[1] = { ...gdtc.students[1], testScore: 9 };
    expect(expectPrimary(gdtc, 'PRIMARY_TEST_SCORE', 'content.students[1].testScore', ANY).text.en)
      .toContain('Giáo dục thể chất in grade 4 has no periodic test, so Trần Đức Bảo has no test score');
    expectPrimary(untested('TIN_HOC_CONG_NGHE', 'Tin học và Công nghệ', 3), 'PRIMARY_TEST_SCORE', 'content.students[0].testScore', ANY);
  });

  it('leaves the level to the teacher: no rule ties it to the test score', () => {
    const c = primaryBook();
    c.students[0] = { ...c.students[0], level: 'Chưa hoàn thành', testScore: 10 };
    c.students[1] = { ...c.students[1], level: 'Hoàn thành tốt', testScore: 3 };
    valid(c);
  });
});
