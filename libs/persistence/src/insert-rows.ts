import type { EntityManager } from 'typeorm';
import { preparedQuery } from './prepared-query.js';

/** Rows per statement: 500 rows of up to 16 columns stay far below PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * A multi-row `INSERT … VALUES` with one parameter per cell, for rows that carry bytea. node-postgres sends a Buffer
 * parameter in binary, while a `bytea[]` array (the `unnest` form) travels as hex text: twice the bytes, encoded by
 * the service and parsed by PostgreSQL. Rows go in order, in statements of at most 500 rows. `columns` pairs each
 * column with its SQL type; `suffix` follows the VALUES list (e.g. `ON CONFLICT … DO NOTHING`). With `singleRowName`, a
 * one-row statement (the usual case for some callers) runs prepared under that name.
 */
export async function insertRows(
  em: EntityManager,
  table: string,
  columns: Array<[name: string, type: string]>,
  rows: unknown[][],
  suffix = '',
  singleRowName?: string,
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`insertRows(${table}): a row has ${row.length} cells for ${columns.length} columns`);
      return `(${row.map((cell, i) => `$${params.push(cell)}::${columns[i][1]}`).join(', ')})`;
    });
    const text = `INSERT INTO ${table} (${names}) VALUES ${values.join(', ')} ${suffix}`;
    if (singleRowName && chunk.length === 1) await preparedQuery(em, singleRowName, text, params);
    else await em.query(text, params);
  }
}
