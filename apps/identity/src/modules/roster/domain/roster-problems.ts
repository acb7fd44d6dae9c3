import type { IdProblem } from '@edu/ids';

/** One thing wrong with one CSV row (row 1 is the first data row; the header is row 0). */
export interface RowProblem {
  field: string | null;
  code: string;
  vi: string;
  en: string;
}

interface Template {
  vi: string;
  en: string;
}

/**
 * Every roster problem, by stable code (`IDENTITY.<key>`). `{value}` is the offending value, `{other}` what it clashes
 * with. The same templates are filled in JS (row checks) and in SQL (checks against the file and the registry).
 */
export const PROBLEMS = {
  CSV_COLUMNS: { vi: 'Dòng có {value} cột, cần đúng {other} cột', en: 'The row has {value} columns; exactly {other} are expected' },
  CSV_ENCODING: { vi: 'Giá trị không phải văn bản UTF-8 hợp lệ', en: 'The value is not valid UTF-8 text' },
  REQUIRED: { vi: 'Thiếu giá trị bắt buộc', en: 'A value is required' },
  TEXT_TOO_LONG: { vi: 'Giá trị dài quá {other} ký tự', en: 'The value is longer than {other} characters' },
  DATE_INVALID: { vi: 'Ngày {value} không hợp lệ (cần dạng YYYY-MM-DD)', en: 'Date {value} is not valid (format YYYY-MM-DD)' },
  DATE_OUT_OF_RANGE: { vi: 'Ngày sinh {value} phải từ năm 1900 đến hôm nay', en: 'Date of birth {value} must be between 1900 and today' },
  GENDER_INVALID: { vi: 'Giới tính {value} không hợp lệ (NAM hoặc NU)', en: 'Gender {value} is not valid (NAM or NU)' },
  GRADE_INVALID: { vi: 'Khối lớp {value} phải là số nguyên từ 0 đến 12', en: 'Grade {value} must be a whole number from 0 to 12' },
  SCHOOL_YEAR_INVALID: {
    vi: 'Năm học {value} không hợp lệ (dạng 2025-2026, năm sau liền năm trước)',
    en: 'School year {value} is not valid (like 2025-2026, the second year right after the first)',
  },
  ROLE_INVALID: { vi: 'Vai trò {value} không hợp lệ (TEACHER, PRINCIPAL, CLERK hoặc OPERATOR)', en: 'Role {value} is not valid (TEACHER, PRINCIPAL, CLERK or OPERATOR)' },
  SUBJECT_UNKNOWN: { vi: 'Môn học {value} không có trong danh mục (hoặc CHU_NHIEM)', en: 'Subject {value} is not in the catalogue (nor CHU_NHIEM)' },
  UNKNOWN_SCHOOL: { vi: 'Không có trường mã {value}', en: 'There is no school with code {value}' },
  SCHOOL_CLOSED: { vi: 'Trường {value} đã đóng hoặc sáp nhập', en: 'School {value} is closed or merged' },
  NOT_A_SCHOOL: { vi: 'Đơn vị {value} ({other}) không phải trường phổ thông hay mầm non', en: 'Organisation {value} ({other}) is not a general-education school' },
  GRADE_OUT_OF_RANGE: { vi: 'Khối {value} không thuộc cấp học của trường: {other}', en: 'Grade {value} is outside the school level: {other}' },
  UNKNOWN_ORGANISATION: { vi: 'Không có đơn vị mã {value}', en: 'There is no organisation with code {value}' },
  ORGANISATION_CLOSED: { vi: 'Đơn vị {value} đã đóng hoặc sáp nhập', en: 'Organisation {value} is closed or merged' },
  UNKNOWN_PERSON: { vi: 'Không có cán bộ, giáo viên mã {value} (nhập danh sách giáo viên trước)', en: 'There is no staff member {value} (import the teachers first)' },
  PERSON_LEFT: { vi: 'Cán bộ {value} đã nghỉ việc', en: 'Staff member {value} has left' },
  DUPLICATE_IN_FILE: { vi: '{value} xuất hiện nhiều lần trong tệp (cũng ở dòng {other})', en: '{value} appears more than once in the file (also row {other})' },
  PERSONAL_ID_DUPLICATE_IN_FILE: {
    vi: 'Số định danh cá nhân {value} được ghi cho nhiều mã định danh khác nhau trong tệp ({other})',
    en: 'Personal ID {value} is given to several different IDs in the file ({other})',
  },
  PERSON_CONFLICT_IN_FILE: {
    vi: 'Mã {value} có thông tin cá nhân khác nhau giữa các dòng (cũng ở dòng {other})',
    en: '{value} has different personal details on different rows (also row {other})',
  },
  PERSONAL_ID_TAKEN: { vi: 'Số định danh cá nhân {value} đã thuộc về mã {other}', en: 'Personal ID {value} already belongs to {other}' },
  PERSONAL_ID_MISMATCH: {
    vi: 'Số định danh cá nhân {value} khác số đã đăng ký {other}',
    en: 'Personal ID {value} differs from the registered {other}',
  },
  SECTOR_ID_TAKEN: {
    vi: 'Mã định danh ngành {value} đã được cấp làm mã {other}, không dùng lại được',
    en: 'Sector ID {value} was already issued as a {other} ID and cannot be reused',
  },
} satisfies Record<string, Template>;

export type ProblemCode = keyof typeof PROBLEMS;

export const problemCode = (code: ProblemCode) => `IDENTITY.${code}`;

const fill = (template: string, value: string, other: string) => template.replaceAll('{value}', value).replaceAll('{other}', other);

export function rowProblem(code: ProblemCode, field: string | null, value = '', other = ''): RowProblem {
  const t = PROBLEMS[code];
  return { field, code: problemCode(code), vi: fill(t.vi, value, other), en: fill(t.en, value, other) };
}

/** A problem reported by @edu/ids, under identity's code prefix. */
export const idProblem = (field: string, p: IdProblem): RowProblem => ({ field, code: `IDENTITY.${p.code}`, vi: p.vi, en: p.en });
