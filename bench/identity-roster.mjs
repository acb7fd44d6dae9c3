// The roster import at province scale: streams students.csv through identity's import and times it to DONE (or
// REJECTED/FAILED). Run alone: `node bench/identity-roster.mjs <students.csv> [--mode all-or-nothing|accept-valid]`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { importRoster, operatorToken } from '../deploy/local/roster-import.mjs';
import { fmt, IDENTITY } from './lib.mjs';

/** Imports `file` (students.csv) and returns { rows, seconds, rowsPerSecond, status } with the row counts. */
export async function rosterImport({ file, mode = 'all-or-nothing', kind = 'students' }) {
  const result = await importRoster({ file, kind, mode });
  return {
    id: result.id,
    status: result.status,
    rows: result.rows.read,
    seconds: result.seconds,
    rowsPerSecond: result.rows.read / result.seconds,
    applied: result.rows.applied,
    unchanged: result.rows.unchanged,
    problems: result.problemCount,
  };
}

/** Applies organisations.csv (all or nothing) so that the students' schools exist; changes nothing when they do. */
export async function importOrganisations(file) {
  const res = await fetch(`${IDENTITY}/v1/organisations/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await operatorToken()}`, 'content-type': 'text/csv; charset=utf-8' },
    body: readFileSync(file),
  });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`organisations import: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { mode: { type: 'string', default: 'all-or-nothing' } } });
  const r = await rosterImport({ file: positionals[0], mode: values.mode });
  console.log(`${r.status}: ${r.rows} rows in ${fmt(r.seconds)} s (${fmt(r.rowsPerSecond, 0)} rows/s); applied ${r.applied}, unchanged ${r.unchanged}, problems ${r.problems}`);
}
