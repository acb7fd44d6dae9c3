import { DomainError } from '@edu/errors';
import { readCsvRecords } from './csv-records.js';
import { problemAt, type ImportProblem } from './import-rejected.js';
import type { OrganisationDraft } from './organisation.js';
import { readDraft } from './organisation-rules.js';

export const ORGANISATIONS_CSV_HEADER = ['code', 'name', 'level', 'parent_code', 'address'] as const;

export interface DraftRow {
  row: number;
  draft: OrganisationDraft;
}

/** The organisations.csv column a registry error is about. */
export function csvProblem(row: number, error: DomainError): ImportProblem {
  return problemAt(row, error, error.field === 'parentCode' ? 'parent_code' : error.field);
}

const duplicate = (code: string, first: number) =>
  new DomainError('IDENTITY.CSV_DUPLICATE_CODE', 'invalid', {
    vi: `Mã ${code} đã có ở dòng ${first}`,
    en: `Code ${code} already appears on row ${first}`,
  }, 'code');

/** Reads organisations.csv: every row checked on its own (formats, levels, duplicate codes); problems for all rows. */
export function readOrganisationsCsv(text: string): { rows: DraftRow[]; problems: ImportProblem[] } {
  const { records, problems } = readCsvRecords(text, ORGANISATIONS_CSV_HEADER);
  const rows: DraftRow[] = [];
  const firstRow = new Map<string, number>();
  for (const { row, values } of records) {
    const { draft, problems: found } = readDraft({ ...values, parentCode: values.parent_code });
    problems.push(...found.map((p) => csvProblem(row, p)));
    const first = firstRow.get(draft.code);
    if (first !== undefined) problems.push(csvProblem(row, duplicate(draft.code, first)));
    else firstRow.set(draft.code, row);
    if (!found.length && first === undefined) rows.push({ row, draft });
  }
  return { rows, problems };
}
