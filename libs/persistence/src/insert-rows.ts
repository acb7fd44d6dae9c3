import type { EntityManager } from 'typeorm';

/** Rows per statement: 500 rows of up to 16 columns stay far below PostgreSQL's 65,535 parameters. */
const ROWS_PER_STATEMENT = 500;

/**
 * A multi-row `INSERT … VALUES` with one parameter per cell, for rows that carry bytea. node-postgres sends a Buffer
 * parameter in binary, while a `bytea[]` array (the `unnest` form) travels as hex text: twice the bytes, encoded by
 * the service and parsed by PostgreSQL. Rows go in order, in statements of at most 500 rows. `columns` pairs each
 * column with its SQL type; `suffix` follows the VALUES list (e.g. `ON CONFLICT … DO NOTHING`).
 */
export async function insertRows(
  em: EntityManager,
  table: string,
  columns: Array<[name: string, type: string]>,
  rows: unknown[][],
  suffix = '',
): Promise<void> {
  const names = columns.map(([name]) => name).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(start, start + ROWS_PER_STATEMENT);
    const params: unknown[] = [];
    const values = chunk.map((row) => {
      if (row.length !== columns.length) throw new Error(`insertRows(${table}): a row has ${row.length} cells for ${columns.length} columns`);
      return `(${row.map((cell, i) => `$${params.push(cell)}::${columns[i][1]}`).join(', ')})`;
    });
    await em.query(`INSERT INTO ${table} (${names}) VALUES ${values.join(', ')} ${suffix}`, params);
  }
}
