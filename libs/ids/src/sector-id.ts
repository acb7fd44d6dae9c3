import type { IdProblem } from './id-problem.js';
import { BIRTH_PROVINCES } from './provinces.js';

/**
 * The sector ID (mã định danh ngành, Circular 42/2021/TT-BGDĐT) as this platform issues it: 10 digits — the issuing
 * province's two-digit code (Hải Phòng 31), a seven-digit serial, and a Luhn check digit, so that a mistyped digit or
 * two swapped neighbours in a roster are caught before they reach the registry. Issued once, never reused.
 */
export function checkSectorId(id: string): IdProblem | null {
  if (!/^\d{10}$/.test(id))
    return { code: 'SECTOR_ID_FORMAT', vi: 'Mã định danh ngành phải gồm đúng 10 chữ số', en: 'A sector ID has exactly 10 digits' };
  if (!BIRTH_PROVINCES[`0${id.slice(0, 2)}`])
    return {
      code: 'SECTOR_ID_PROVINCE',
      vi: `Mã tỉnh ${id.slice(0, 2)} trong mã định danh ngành không có trong danh mục`,
      en: `Province code ${id.slice(0, 2)} of the sector ID is not on the official list`,
    };
  if (luhnDigit(id.slice(0, 9)) !== Number(id[9]))
    return {
      code: 'SECTOR_ID_CHECK_DIGIT',
      vi: 'Chữ số kiểm tra của mã định danh ngành không đúng (có thể gõ nhầm)',
      en: 'The sector ID check digit is wrong (probably a typing error)',
    };
  return null;
}

/** Builds a sector ID from a two-digit province code and a serial below 10,000,000. */
export function makeSectorId(province2: string, serial: number): string {
  if (!/^\d{2}$/.test(province2) || !Number.isInteger(serial) || serial < 0 || serial >= 10_000_000)
    throw new RangeError(`cannot make a sector ID from ${province2}/${serial}`);
  const body = `${province2}${String(serial).padStart(7, '0')}`;
  return `${body}${luhnDigit(body)}`;
}

function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = body.charCodeAt(body.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}
