import { DomainError } from '@edu/errors';

const invalid = (code: string, field: string | null, vi: string, en: string) => new DomainError(`IDENTITY.${code}`, 'invalid', { vi, en }, field);

/** Errors that refuse a roster upload as a whole (row problems go to the import's report instead). */
export const RosterErrors = {
  kind: (value: string) =>
    invalid('ROSTER_KIND_INVALID', 'kind', `Loại danh sách "${value}" không hợp lệ (students, teachers hoặc assignments)`,
      `Roster kind "${value}" is not valid (students, teachers or assignments)`),
  mode: (value: string) =>
    invalid('ROSTER_MODE_INVALID', 'mode', `Chế độ nhập "${value}" không hợp lệ (all-or-nothing hoặc accept-valid)`,
      `Import mode "${value}" is not valid (all-or-nothing or accept-valid)`),
  empty: () => invalid('CSV_EMPTY', 'body', 'Tệp CSV trống: cần dòng tiêu đề và dữ liệu', 'The CSV file is empty: a header row and data are expected'),
  header: (column: string, position: number, found: string | undefined, expected: readonly string[]) =>
    invalid('CSV_HEADER', column,
      `Dòng tiêu đề sai ở cột ${position}: cần "${column}", ${found === undefined ? 'không có' : `có "${found}"`}. Tiêu đề đúng: ${expected.join(',')}`,
      `Wrong header at column ${position}: expected "${column}", ${found === undefined ? 'found none' : `found "${found}"`}. The header is: ${expected.join(',')}`),
  extraColumn: (found: string, position: number, expected: readonly string[]) =>
    invalid('CSV_HEADER', found, `Dòng tiêu đề thừa cột ${position} "${found}". Tiêu đề đúng: ${expected.join(',')}`,
      `Unexpected header column ${position} "${found}". The header is: ${expected.join(',')}`),
  headerEncoding: () =>
    invalid('CSV_ENCODING', 'header', 'Dòng tiêu đề (dòng 0) không phải văn bản UTF-8: hãy lưu tệp dạng CSV UTF-8',
      'The header (row 0) is not UTF-8 text: save the file as CSV UTF-8'),
  malformed: (row: number, reason: string) =>
    invalid('CSV_MALFORMED', `row ${row}`, `Tệp CSV sai cấu trúc ở dòng dữ liệu ${row}: ${reason}`, `The CSV is malformed at data row ${row}: ${reason}`),
  notFound: (id: string) =>
    new DomainError('IDENTITY.ROSTER_IMPORT_NOT_FOUND', 'not-found', { vi: `Không có lượt nhập ${id}`, en: `There is no roster import ${id}` }, 'id'),
};
