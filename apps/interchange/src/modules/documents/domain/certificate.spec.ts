import type { SchoolLevel } from '@edu/contracts';
import { describe, expect, it } from 'vitest';
import type { DocumentType, Expectations } from './document-type.interface.js';
import type { CertificateContent } from './certificate.schema.js';
import { CHUNG_CHI, CHUNG_NHAN } from './certificate.type.js';
import type { CertificateRule } from './certificate.validator.js';
import { exampleContext, ruleExpectation, schemaErrorExpectation } from './example-context.fixture.js';

const EXPECTED: Expectations = { schoolYear: '2025-2026', subject: { studentId: '3100000103' } };
const build = (type: DocumentType, level: SchoolLevel = 'THCS', grade = 8) => type.buildExample(exampleContext(level, grade));
const award = () => build(CHUNG_NHAN).content as CertificateContent;
const expectRule = ruleExpectation<CertificateRule>(CHUNG_NHAN, EXPECTED);
const expectSchemaError = schemaErrorExpectation(CHUNG_NHAN, EXPECTED, { vi: 'Chứng chỉ/chứng nhận', en: 'Certificate' });



describe('certificate examples', () => {
  it.each([
    ['chung-chi', CHUNG_CHI, 'THCS', 8],
    ['chung-nhan', CHUNG_NHAN, 'THCS', 9],
    ['chung-chi', CHUNG_CHI, 'THPT', 11],
    ['chung-nhan', CHUNG_NHAN, 'THPT', 12],
    ['chung-nhan', CHUNG_NHAN, 'TIEU_HOC', 5],
  ] as const)('%s passes validation at %s', (_name, type, level, grade) => {
    const { subject, content } = build(type, level, grade);
    expect(subject).toEqual({ studentId: '3100000103' });
    expect(() => type.validate(content, 'content', { schoolYear: '2025-2026', subject })).not.toThrow();
  });

  it('carries a stable number, the year-end issue date and the principal', () => {
    const c = award();
    expect(c.number).toBe('CN-31000201-2026-000103');
    expect(c.registryEntry).toBe('0103/2026');
    expect(c.issuedOn).toBe('2026-05-25');
    expect(c.signer).toEqual({ name: 'Vũ Quang Minh', title: 'Hiệu trưởng' });
    expect(c.holder.personalId).toBe('031311123456');
    expect(c).toEqual(award());
  });

  it('awards what each type awards, and no Học sinh Giỏi at primary', () => {
    expect(award().award.title).toBe('Giấy chứng nhận Học sinh Giỏi');
    expect((build(CHUNG_CHI).content as CertificateContent).award.title).toBe('Chứng chỉ Tin học ứng dụng cơ bản');
    expect((build(CHUNG_NHAN, 'TIEU_HOC', 5).content as CertificateContent).award.title).toBe('Giấy chứng nhận Học sinh Xuất sắc');
  });
});

describe('certificate schema', () => {
  it('names the field at fault', () => {
    expectSchemaError({ ...award(), number: 'cn-1' }, 'content.number');
    expectSchemaError({ ...award(), issuedOn: '2026-02-30' }, 'content.issuedOn');
    expectSchemaError({ ...award(), signer: { name: 'Vũ Quang Minh', title: 'Chủ tịch' } }, 'content.signer.title');
    expectSchemaError({ ...award(), award: { title: '' } }, 'content.award.title');
    expectSchemaError({ ...award(), holder: { ...award().holder, class: '8A1' } }, 'content.holder.class');
    const { registryEntry: _omitted, ...noEntry } = award();
    expect(expectSchemaError(noEntry, 'content.registryEntry').text.vi).toContain('thiếu trường bắt buộc');
  });
});

describe('certificate rules', () => {
  it('SCHOOL_YEAR: two consecutive years, the document’s', () => {
    expectRule({ ...award(), schoolYear: '2025-2025' }, 'SCHOOL_YEAR', 'content.schoolYear');
    expectRule(award(), 'SCHOOL_YEAR', 'content.schoolYear', { ...EXPECTED, schoolYear: '2024-2025' });
  });

  it('CERTIFICATE_HOLDER: the document’s student', () => {
    const err = expectRule(award(), 'CERTIFICATE_HOLDER', 'content.holder.studentId', { ...EXPECTED, subject: { studentId: '3100000999' } });
    expect(err.text.en).toContain("differs from the document's student (3100000999)");
  });

  it('CERTIFICATE_ISSUE_DATE: not before the holder’s birth', () => {
    const c = award();
    c.holder.dateOfBirth = '2026-06-01';
    const err = expectRule(c, 'CERTIFICATE_ISSUE_DATE', 'content.issuedOn');
    expect(err.text.vi).toContain('trước ngày sinh của người được cấp (2026-06-01)');
  });

  it('CERTIFICATE_ISSUE_DATE: from 1 September of the school year to the end of the calendar year it closes in', () => {
    expect(() => CHUNG_NHAN.validate({ ...award(), issuedOn: '2025-09-01' }, 'content', EXPECTED)).not.toThrow();
    expect(() => CHUNG_NHAN.validate({ ...award(), issuedOn: '2026-12-31' }, 'content', EXPECTED)).not.toThrow();
    expectRule({ ...award(), issuedOn: '2025-08-31' }, 'CERTIFICATE_ISSUE_DATE', 'content.issuedOn');
    const err = expectRule({ ...award(), issuedOn: '2027-01-04' }, 'CERTIFICATE_ISSUE_DATE', 'content.issuedOn');
    expect(err.text.vi).toContain('từ 2025-09-01 đến 2026-12-31 của năm học 2025-2026');
    expect(err.text.en).toContain('outside 2025-09-01 to 2026-12-31 for school year 2025-2026');
  });
});

describe('CHUNG_CHI and CHUNG_NHAN', () => {
  it('share content and signers, differ in type and title, and key a record by holder and number', () => {
    expect(CHUNG_CHI.contentSchema).toBe(CHUNG_NHAN.contentSchema);
    expect([CHUNG_CHI.type, CHUNG_NHAN.type]).toEqual(['chung-chi', 'chung-nhan']);
    expect(CHUNG_NHAN.title).toEqual({ vi: 'Giấy chứng nhận', en: 'Certificate of recognition' });
    for (const type of [CHUNG_CHI, CHUNG_NHAN]) {
      expect(type.signers).toEqual(['principal', 'institution-seal']);
      expect(type.subjectKind).toBe('student');
      expect(type.listedStudents).toBeUndefined();
    }
    expect(CHUNG_NHAN.recordKey(award())).toBe('3100000103|CN-31000201-2026-000103');
  });
});
