import { describe, expect, it } from 'vitest';
import { checkRow } from './roster-rows.js';
import { STUDENT_ROWS } from './student-rows.js';

const TODAY = '2026-11-23';
// A valid row: sector ID 3150000002 (Luhn), CCCD of a girl born 2010 in Hải Phòng (031, 3 = female 2000s, 10).
const VALID = ['3150000002', '031310123456', 'Nguyễn Thị Hồng', '2010-03-15', 'NU', '31000101', '10A1', '10', '2025-2026'];
const COLUMNS = STUDENT_ROWS.columns;

const check = (changes: Record<string, string>) => checkRow(STUDENT_ROWS, COLUMNS.map((c, i) => changes[c] ?? VALID[i]), TODAY);
const codes = (changes: Record<string, string>) => check(changes).map((p) => `${p.field}:${p.code}`);

describe('students.csv row checks', () => {
  it('accepts a valid row, with or without a personal ID', () => {
    expect(check({})).toEqual([]);
    expect(check({ personal_id: '' })).toEqual([]);
    expect(check({ grade: '0', class_name: 'Mẫu giáo lớn A' })).toEqual([]);
  });

  it.each([
    [{ student_id: '' }, 'student_id:IDENTITY.REQUIRED'],
    [{ student_id: '315000000' }, 'student_id:IDENTITY.SECTOR_ID_FORMAT'],
    [{ student_id: '3150000003' }, 'student_id:IDENTITY.SECTOR_ID_CHECK_DIGIT'],
    [{ student_id: '0350000002' }, 'student_id:IDENTITY.SECTOR_ID_PROVINCE'],
    [{ personal_id: '03131012345' }, 'personal_id:IDENTITY.PERSONAL_ID_FORMAT'],
    [{ personal_id: '003310123456' }, 'personal_id:IDENTITY.PERSONAL_ID_PROVINCE'],
    [{ personal_id: '031311123456' }, 'personal_id:IDENTITY.PERSONAL_ID_BIRTH_YEAR'],
    [{ personal_id: '031210123456' }, 'personal_id:IDENTITY.PERSONAL_ID_GENDER'],
    [{ full_name: '' }, 'full_name:IDENTITY.REQUIRED'],
    [{ full_name: 'A'.repeat(101) }, 'full_name:IDENTITY.TEXT_TOO_LONG'],
    [{ date_of_birth: '15/03/2010' }, 'date_of_birth:IDENTITY.DATE_INVALID'],
    [{ date_of_birth: '2010-02-30', personal_id: '' }, 'date_of_birth:IDENTITY.DATE_INVALID'],
    [{ date_of_birth: '2027-01-01', personal_id: '' }, 'date_of_birth:IDENTITY.DATE_OUT_OF_RANGE'],
    [{ date_of_birth: '1899-12-31', personal_id: '' }, 'date_of_birth:IDENTITY.DATE_OUT_OF_RANGE'],
    [{ gender: 'F' }, 'gender:IDENTITY.GENDER_INVALID'],
    [{ gender: '' }, 'gender:IDENTITY.REQUIRED'],
    [{ school_code: '' }, 'school_code:IDENTITY.REQUIRED'],
    [{ class_name: '' }, 'class_name:IDENTITY.REQUIRED'],
    [{ grade: 'mười' }, 'grade:IDENTITY.GRADE_INVALID'],
    [{ grade: '13' }, 'grade:IDENTITY.GRADE_INVALID'],
    [{ grade: '-1' }, 'grade:IDENTITY.GRADE_INVALID'],
    [{ school_year: '2025/2026' }, 'school_year:IDENTITY.SCHOOL_YEAR_INVALID'],
    [{ school_year: '2025-2027' }, 'school_year:IDENTITY.SCHOOL_YEAR_INVALID'],
    [{ school_year: '' }, 'school_year:IDENTITY.REQUIRED'],
  ])('refuses %o with %s', (changes, expected) => {
    expect(codes(changes)).toEqual([expected]);
  });

  it('checks the personal ID against the date of birth and gender only when those are good', () => {
    expect(codes({ gender: 'X' })).toEqual(['gender:IDENTITY.GENDER_INVALID']);
    expect(codes({ date_of_birth: '2011-13-01' })).toEqual(['date_of_birth:IDENTITY.DATE_INVALID']);
  });

  it('reports every problem of a row, with messages in Vietnamese and English', () => {
    const problems = check({ student_id: '1', gender: 'nữ', school_year: '2025' });
    expect(problems.map((p) => p.field)).toEqual(['student_id', 'gender', 'school_year']);
    expect(problems[1]).toMatchObject({ vi: expect.stringContaining('Giới tính nữ'), en: expect.stringContaining('Gender nữ') });
  });

  it('refuses a value that was not UTF-8, and a row with the wrong number of columns', () => {
    expect(codes({ full_name: 'Nguy\uFFFDn' })).toEqual(['full_name:IDENTITY.CSV_ENCODING']);
    expect(checkRow(STUDENT_ROWS, VALID.slice(0, 8), TODAY).map((p) => p.code)).toEqual(['IDENTITY.CSV_COLUMNS']);
    expect(checkRow(STUDENT_ROWS, [...VALID, 'x'], TODAY)[0].en).toContain('10 columns; exactly 9');
  });
});
