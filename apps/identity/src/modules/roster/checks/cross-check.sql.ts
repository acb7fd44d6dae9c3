import { PROBLEMS, problemCode } from '../domain/roster-problems.js';
import { gradeParams } from '../domain/school-grades.js';
import type { CrossCheck } from './cross-check.js';

/** The INSERT that records a cross-check's failures as problems of the import, with the messages filled in SQL. */
export function crossCheckStatement(check: CrossCheck, table: string, importId: string): { sql: string; params: unknown[] } {
  const message = (n: number) => `replace(replace($${n}::text, '{value}', coalesce(q.value, '')), '{other}', coalesce(q.other, ''))`;
  return {
    sql: `WITH grades AS (SELECT * FROM unnest($1::text[], $2::int[], $3::int[]) AS g (level, lo, hi))
          INSERT INTO roster_import_problems (import_id, row_no, field, code, message_vi, message_en)
          SELECT $4::uuid, q.row_no, $5::text, $6::text, ${message(7)}, ${message(8)}
          FROM (${check.select.replaceAll('{rows}', table)}) q`,
    params: [...gradeParams(), importId, check.field, problemCode(check.code), PROBLEMS[check.code].vi, PROBLEMS[check.code].en],
  };
}
