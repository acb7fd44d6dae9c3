import { DomainError } from '@edu/errors';
import { parse } from 'csv-parse/sync';
import type { ImportProblem } from './import-rejected.js';

export interface CsvRecord {
  /** The spreadsheet row (the header is row 1). */
  row: number;
  values: Record<string, string>;
}

const csvError = (code: string, en: string, vi: string, field: string | null = null) =>
  new DomainError(`IDENTITY.${code}`, 'invalid', { vi, en }, field);

/**
 * Reads an RFC 4180 file (UTF-8, optional BOM) whose header must be exactly `header`. Returns the records by column
 * name and a problem for each malformed row; a file that cannot be read at all is one problem on row 1.
 */
export function readCsvRecords(text: string, header: readonly string[]): { records: CsvRecord[]; problems: ImportProblem[] } {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    // With `info`, each record comes with where it ends; the typings do not model that option.
    parsed = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as typeof parsed;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    const e = csvError('CSV_MALFORMED', `unreadable CSV: ${(err as Error).message}`, `Tệp CSV sai cú pháp: ${(err as Error).message}`);
    return { records: [], problems: [{ row: line, field: null, code: e.code, message: e.text }] };
  }
  const [first, ...rest] = parsed;
  if (!first || first.record.join(',') !== header.join(',')) {
    const e = csvError('CSV_HEADER', `the header must be exactly: ${header.join(',')}`, `Dòng tiêu đề phải đúng là: ${header.join(',')}`, 'header');
    return { records: [], problems: [{ row: 1, field: 'header', code: e.code, message: e.text }] };
  }
  const records: CsvRecord[] = [];
  const problems: ImportProblem[] = [];
  for (const { record, info } of rest) {
    if (record.length !== header.length) {
      const e = csvError('CSV_COLUMN_COUNT', `expected ${header.length} columns, found ${record.length}`, `Cần ${header.length} cột, có ${record.length}`);
      problems.push({ row: info.lines, field: null, code: e.code, message: e.text });
      continue;
    }
    records.push({ row: info.lines, values: Object.fromEntries(header.map((h, i) => [h, record[i]])) });
  }
  return { records, problems };
}
