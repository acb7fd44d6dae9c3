import type { IdProblem } from './id-problem.js';
import { BIRTH_PROVINCES } from './provinces.js';

export type Gender = 'NAM' | 'NU';

/**
 * A personal ID (CCCD, 12 digits): province of birth registration (3), century and gender (1), year of birth (2), then
 * six random digits. The fourth digit is 0/1 for men/women born 1900–1999, 2/3 for 2000–2099, 4/5, 6/7, 8/9 for the
 * next centuries. The ID is not a secret; only its structure is checked.
 */
export function checkPersonalId(id: string, dateOfBirth?: string, gender?: Gender): IdProblem | null {
  if (!/^\d{12}$/.test(id))
    return { code: 'PERSONAL_ID_FORMAT', vi: 'Số định danh cá nhân phải gồm đúng 12 chữ số', en: 'A personal ID has exactly 12 digits' };
  const province = id.slice(0, 3);
  if (!BIRTH_PROVINCES[province])
    return {
      code: 'PERSONAL_ID_PROVINCE',
      vi: `Mã tỉnh nơi đăng ký khai sinh ${province} không có trong danh mục`,
      en: `Birth-registration province code ${province} is not on the official list`,
    };
  const centuryGender = Number(id[3]);
  const century = 1900 + Math.floor(centuryGender / 2) * 100;
  const year = century + Number(id.slice(4, 6));
  if (dateOfBirth) {
    const birthYear = Number(dateOfBirth.slice(0, 4));
    if (birthYear !== year)
      return {
        code: 'PERSONAL_ID_BIRTH_YEAR',
        vi: `Số định danh cá nhân ghi năm sinh ${year}, không khớp ngày sinh ${dateOfBirth}`,
        en: `The personal ID encodes birth year ${year}, which does not match the date of birth ${dateOfBirth}`,
      };
  }
  if (gender) {
    const encoded: Gender = centuryGender % 2 === 0 ? 'NAM' : 'NU';
    if (encoded !== gender)
      return {
        code: 'PERSONAL_ID_GENDER',
        vi: `Chữ số thứ 4 của số định danh cá nhân ghi giới tính ${encoded}, không khớp ${gender}`,
        en: `The personal ID's fourth digit encodes gender ${encoded}, which does not match ${gender}`,
      };
  }
  return null;
}

/** The century-and-gender digit for a birth year and gender (the inverse of the rule above). */
export function centuryGenderDigit(birthYear: number, gender: Gender): number {
  return Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'NU' ? 1 : 0);
}
