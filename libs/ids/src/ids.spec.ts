import { describe, expect, it } from 'vitest';
import { centuryGenderDigit, checkPersonalId } from './personal-id.js';
import { checkSectorId, makeSectorId } from './sector-id.js';

describe('personal ID (CCCD)', () => {
  it.each([
    ['031209000123', '2009-05-01', 'NAM'],
    ['031309000123', '2009-05-01', 'NU'],
    ['001085123456', '1985-12-31', 'NAM'],
    ['079199654321', '1999-01-01', 'NU'],
    ['096400000001', '2100-01-01', 'NAM'],
  ] as const)('accepts %s born %s (%s)', (id, dob, gender) => {
    expect(checkPersonalId(id, dob, gender)).toBeNull();
  });

  it.each([
    ['03120900012', 'PERSONAL_ID_FORMAT'],
    ['0312090001234', 'PERSONAL_ID_FORMAT'],
    ['03120900012a', 'PERSONAL_ID_FORMAT'],
    [' 31209000123', 'PERSONAL_ID_FORMAT'],
    ['003209000123', 'PERSONAL_ID_PROVINCE'],
    ['099209000123', 'PERSONAL_ID_PROVINCE'],
    ['000209000123', 'PERSONAL_ID_PROVINCE'],
  ])('refuses %s with %s', (id, code) => {
    expect(checkPersonalId(id)?.code).toBe(code);
  });

  it('refuses a birth year or century that disagrees with the date of birth', () => {
    expect(checkPersonalId('031209000123', '2010-05-01')?.code).toBe('PERSONAL_ID_BIRTH_YEAR');
    expect(checkPersonalId('031009000123', '2009-05-01')?.code).toBe('PERSONAL_ID_BIRTH_YEAR'); // 1909
  });

  it('refuses a gender digit that disagrees with the stated gender', () => {
    const problem = checkPersonalId('031209000123', '2009-05-01', 'NU');
    expect(problem).toMatchObject({ code: 'PERSONAL_ID_GENDER' });
    expect(problem?.vi).toContain('giới tính');
  });

  it('derives the century-and-gender digit', () => {
    expect(centuryGenderDigit(1985, 'NAM')).toBe(0);
    expect(centuryGenderDigit(1985, 'NU')).toBe(1);
    expect(centuryGenderDigit(2009, 'NAM')).toBe(2);
    expect(centuryGenderDigit(2009, 'NU')).toBe(3);
    expect(centuryGenderDigit(2101, 'NU')).toBe(5);
  });
});

describe('sector ID', () => {
  it('makes IDs that pass the check, for every serial tried', () => {
    for (const serial of [0, 1, 9, 42, 1234567, 9999999]) expect(checkSectorId(makeSectorId('31', serial))).toBeNull();
  });

  it('computes the Luhn digit', () => {
    expect(makeSectorId('31', 0)).toBe('3100000003');
    expect(makeSectorId('79', 1234567)).toBe('7912345670');
  });

  it('catches any single mistyped digit and swapped neighbours', () => {
    const id = makeSectorId('31', 4711);
    for (let i = 0; i < 10; i++) {
      const d = (Number(id[i]) + 3) % 10;
      expect(checkSectorId(`${id.slice(0, i)}${d}${id.slice(i + 1)}`), `digit ${i}`).not.toBeNull();
    }
    const swapped = `${id.slice(0, 6)}${id[7]}${id[6]}${id.slice(8)}`;
    if (swapped !== id) expect(checkSectorId(swapped)?.code).toBe('SECTOR_ID_CHECK_DIGIT');
  });

  it.each([
    ['310000000', 'SECTOR_ID_FORMAT'],
    ['31000000067', 'SECTOR_ID_FORMAT'],
    ['31000000x6', 'SECTOR_ID_FORMAT'],
    ['0300000006', 'SECTOR_ID_PROVINCE'],
    ['3100000007', 'SECTOR_ID_CHECK_DIGIT'],
  ])('refuses %s with %s', (id, code) => {
    expect(checkSectorId(id)?.code).toBe(code);
  });

  it('refuses serials it cannot encode', () => {
    expect(() => makeSectorId('31', 10_000_000)).toThrow(RangeError);
    expect(() => makeSectorId('3', 1)).toThrow(RangeError);
  });
});
