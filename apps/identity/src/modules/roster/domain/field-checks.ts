import { checkPersonalId, checkSectorId, type Gender } from '@edu/ids';
import { idProblem, rowProblem, type RowProblem } from './roster-problems.js';

/** Checks of single CSV values. Each returns the problem, or null when the value is good. */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;
const GRADE = /^\d{1,2}$/;

export function requiredText(field: string, value: string, max: number): RowProblem | null {
  if (!value) return rowProblem('REQUIRED', field);
  return value.length > max ? rowProblem('TEXT_TOO_LONG', field, value.slice(0, 20), String(max)) : null;
}

export function sectorId(field: string, value: string): RowProblem | null {
  if (!value) return rowProblem('REQUIRED', field);
  const p = checkSectorId(value);
  return p && idProblem(field, p);
}

/** The personal ID must agree with the date of birth and gender when those are good (pass them only then). */
export function personalId(field: string, value: string, dateOfBirth?: string, gender?: Gender): RowProblem | null {
  const p = checkPersonalId(value, dateOfBirth, gender);
  return p && idProblem(field, p);
}

export function dateOfBirth(field: string, value: string, today: string): RowProblem | null {
  if (!value) return rowProblem('REQUIRED', field);
  const m = DATE.exec(value);
  if (!m) return rowProblem('DATE_INVALID', field, value);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return rowProblem('DATE_INVALID', field, value);
  return y < 1900 || value > today ? rowProblem('DATE_OUT_OF_RANGE', field, value) : null;
}

export function gender(field: string, value: string): RowProblem | null {
  if (!value) return rowProblem('REQUIRED', field);
  return value === 'NAM' || value === 'NU' ? null : rowProblem('GENDER_INVALID', field, value);
}

export function schoolYear(field: string, value: string): RowProblem | null {
  if (!value) return rowProblem('REQUIRED', field);
  const m = SCHOOL_YEAR.exec(value);
  return m && Number(m[2]) === Number(m[1]) + 1 ? null : rowProblem('SCHOOL_YEAR_INVALID', field, value);
}

/** A grade of general education, 0 (preschool) to 12; whether the school teaches it is checked against its level. */
export function grade(field: string, value: string): RowProblem | null {
  if (!value) return rowProblem('REQUIRED', field);
  return GRADE.test(value) && Number(value) <= 12 ? null : rowProblem('GRADE_INVALID', field, value);
}

/** Text that must decode as UTF-8: the decoder put U+FFFD where the bytes were invalid (NUL is refused too). */
export function encoding(field: string, value: string): RowProblem | null {
  return value.includes('\uFFFD') || value.includes('\0') ? rowProblem('CSV_ENCODING', field) : null;
}

/** Today as YYYY-MM-DD (UTC), the latest possible date of birth. */
export const todayIso = (now = new Date()) => now.toISOString().slice(0, 10);
