import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_ROWS } from './assignment-rows.js';
import { checkRow } from './roster-rows.js';
import { TEACHER_ROWS } from './teacher-rows.js';

const TODAY = '2026-11-23';
const TEACHER = ['3160000000', '001085700001', 'Trần Văn Đức', '1985-07-01', 'NAM', 'TEACHER', '31000101'];
const ASSIGNMENT = ['3160000000', '31000101', '10A1', 'TOAN', '2025-2026'];

const codesOf = (rows: typeof TEACHER_ROWS, base: string[], changes: Record<string, string>) =>
  checkRow(rows, rows.columns.map((c, i) => changes[c] ?? base[i]), TODAY).map((p) => `${p.field}:${p.code}`);

describe('teachers.csv row checks', () => {
  const codes = (changes: Record<string, string>) => codesOf(TEACHER_ROWS, TEACHER, changes);

  it('accepts every staff role', () => {
    for (const role of ['TEACHER', 'PRINCIPAL', 'CLERK', 'OPERATOR']) expect(codes({ role })).toEqual([]);
  });

  it.each([
    [{ person_id: '3160000001' }, 'person_id:IDENTITY.SECTOR_ID_CHECK_DIGIT'],
    [{ personal_id: '' }, 'personal_id:IDENTITY.REQUIRED'],
    [{ personal_id: '001185700001' }, 'personal_id:IDENTITY.PERSONAL_ID_GENDER'],
    [{ personal_id: '001086700001' }, 'personal_id:IDENTITY.PERSONAL_ID_BIRTH_YEAR'],
    [{ role: 'HEADMASTER' }, 'role:IDENTITY.ROLE_INVALID'],
    [{ role: '' }, 'role:IDENTITY.REQUIRED'],
    [{ org_code: '' }, 'org_code:IDENTITY.REQUIRED'],
    [{ date_of_birth: '1985-7-1' }, 'date_of_birth:IDENTITY.DATE_INVALID'],
  ])('refuses %o with %s', (changes, expected) => {
    expect(codes(changes)).toEqual([expected]);
  });
});

describe('assignments.csv row checks', () => {
  const codes = (changes: Record<string, string>) => codesOf(ASSIGNMENT_ROWS, ASSIGNMENT, changes);

  it('accepts catalogue subjects and the homeroom role', () => {
    for (const subject of ['TOAN', 'NGU_VAN', 'TIENG_VIET', 'GDQP_AN', 'CHU_NHIEM']) expect(codes({ subject })).toEqual([]);
  });

  it.each([
    [{ person_id: 'GV001' }, 'person_id:IDENTITY.SECTOR_ID_FORMAT'],
    [{ school_code: '' }, 'school_code:IDENTITY.REQUIRED'],
    [{ class_name: '' }, 'class_name:IDENTITY.REQUIRED'],
    [{ subject: 'VAN' }, 'subject:IDENTITY.SUBJECT_UNKNOWN'],
    [{ subject: '' }, 'subject:IDENTITY.REQUIRED'],
    [{ school_year: '2025-2025' }, 'school_year:IDENTITY.SCHOOL_YEAR_INVALID'],
  ])('refuses %o with %s', (changes, expected) => {
    expect(codes(changes)).toEqual([expected]);
  });
});
