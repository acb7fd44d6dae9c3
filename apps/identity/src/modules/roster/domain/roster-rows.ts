import { encoding } from './field-checks.js';
import { rowProblem, type RowProblem } from './roster-problems.js';

export type RosterKindName = 'students' | 'teachers' | 'assignments';

/** A roster CSV format: its header and the checks one row can pass or fail on its own. */
export interface RosterRows {
  kind: RosterKindName;
  /** The header, exactly, in this order (docs: the CSV formats). */
  columns: readonly string[];
  /** Checks a row whose values are in `columns` order, trimmed and decoded; `today` is YYYY-MM-DD. */
  check(values: readonly string[], today: string): RowProblem[];
}

/** Collects the problems that are not null. */
export function found(...problems: Array<RowProblem | null>): RowProblem[] {
  return problems.filter((p): p is RowProblem => p !== null);
}

/**
 * Checks one data row of `rows`: the column count, then the encoding of every value, then the format's own checks
 * (skipped when the bytes were not UTF-8: their values are garbage and would only add noise).
 */
export function checkRow(rows: RosterRows, values: readonly string[], today: string): RowProblem[] {
  if (values.length !== rows.columns.length) return [rowProblem('CSV_COLUMNS', null, String(values.length), String(rows.columns.length))];
  const garbled = found(...values.map((v, i) => encoding(rows.columns[i], v)));
  return garbled.length ? garbled : rows.check(values, today);
}
