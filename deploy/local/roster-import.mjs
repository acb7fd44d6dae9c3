// ./edu roster import <file> [--kind students|teachers|assignments] [--mode all-or-nothing|accept-valid]
// Streams a roster CSV to identity with the demo operator's token, draws the progress on stderr, prints the summary,
// writes <file>.report.json when there are problems, and exits 1 unless the import is DONE.
import { createReadStream, createWriteStream, readFileSync, statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clientToken } from './client-token.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const IDENTITY = process.env.IDENTITY_URL ?? 'http://127.0.0.1:8081';
const FINAL = new Set(['DONE', 'REJECTED', 'FAILED']);
const POLL_MS = 250;
const REDRAW_MS = 200;

/** An access token of the demo operator of the Sở (scope `operations`), from .edu/demo-clients.json. */
export async function operatorToken() {
  const client = JSON.parse(readFileSync(`${ROOT}.edu/demo-clients.json`, 'utf8')).find((c) => c.role === 'operator');
  if (!client) throw new Error('no operator client in .edu/demo-clients.json (run ./edu up)');
  return clientToken(IDENTITY, client);
}

/** A refusal of the whole upload (bad header, kind or mode...), with identity's code and messages. */
export class RosterRefused extends Error {
  constructor(status, body) {
    super(`${status} ${body.code ?? ''}${body.field ? ` (${body.field})` : ''}: ${body.message?.en ?? JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

/**
 * Uploads `file` as a stream (never read whole) and follows the import to its end. `onProgress` hears
 * { phase, done, total } while uploading (bytes) and while identity works (rows). Returns the final status view
 * plus `seconds` from the first byte sent to the end.
 */
export async function importRoster({ file, kind = 'students', mode = 'all-or-nothing', token, onProgress = () => {} }) {
  const auth = { authorization: `Bearer ${token ?? (await operatorToken())}` };
  const size = statSync(file).size;
  let sent = 0;
  const upload = createReadStream(file).on('data', (chunk) => onProgress({ phase: 'UPLOADING', done: (sent += chunk.length), total: size }));
  const t0 = performance.now();
  const res = await fetch(`${IDENTITY}/v1/roster-imports?kind=${encodeURIComponent(kind)}&mode=${encodeURIComponent(mode)}`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'text/csv; charset=utf-8' },
    body: Readable.toWeb(upload),
    duplex: 'half',
  });
  const created = await res.json();
  if (res.status !== 202) throw new RosterRefused(res.status, created);
  for (;;) {
    const status = await (await fetch(`${IDENTITY}/v1/roster-imports/${created.id}`, { headers: auth })).json();
    const applying = status.status === 'APPLYING';
    onProgress({ phase: status.status, done: applying ? status.rows.applied : status.rows.read, total: applying ? status.rows.valid : status.rows.read });
    if (FINAL.has(status.status)) return { ...status, seconds: (performance.now() - t0) / 1000 };
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Saves the import's full problem report (JSON) to `target`, streamed. */
export async function saveReport(id, target, token) {
  const res = await fetch(`${IDENTITY}/v1/roster-imports/${id}/report.json`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`report: ${res.status} ${await res.text()}`);
  await pipeline(Readable.fromWeb(res.body), createWriteStream(target));
}

/** Draws the progress bar on stderr, at most every REDRAW_MS unless the phase changes. */
function progressBar() {
  let last = { phase: '', at: 0 };
  return ({ phase, done, total }) => {
    const now = performance.now();
    if (phase === last.phase && now - last.at < REDRAW_MS) return;
    last = { phase, at: now };
    const width = 30;
    const ratio = total ? Math.min(1, done / total) : 0;
    const bar = '#'.repeat(Math.round(ratio * width)).padEnd(width, '-');
    const unit = phase === 'UPLOADING' ? `${(done / 2 ** 20).toFixed(1)}/${(total / 2 ** 20).toFixed(1)} MiB` : `${done.toLocaleString('en')} rows`;
    process.stderr.write(`\r[${bar}] ${String(Math.round(ratio * 100)).padStart(3)}% ${phase.padEnd(10)} ${unit}    `);
  };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { kind: { type: 'string', default: 'students' }, mode: { type: 'string', default: 'all-or-nothing' } },
  });
  const [command, file] = positionals;
  if (command !== 'import' || !file) {
    console.error('usage: ./edu roster import <file> [--kind students|teachers|assignments] [--mode all-or-nothing|accept-valid]');
    return 2;
  }
  const token = await operatorToken();
  let result;
  try {
    result = await importRoster({ file, kind: values.kind, mode: values.mode, token, onProgress: progressBar() });
  } catch (err) {
    process.stderr.write('\n');
    if (!(err instanceof RosterRefused)) throw err;
    console.error(`roster: refused ${err.message}${err.body.message?.vi ? `\n        ${err.body.message.vi}` : ''}`);
    return 1;
  }
  process.stderr.write('\n');
  const { rows } = result;
  console.log(`roster import ${result.id} (${result.kind}, ${result.mode}): ${result.status} in ${result.seconds.toFixed(1)} s`);
  console.log(`  rows read ${rows.read}, valid ${rows.valid ?? 0}, applied ${rows.applied}, unchanged ${rows.unchanged}, problems ${result.problemCount}`);
  if (result.failure) console.log(`  failure: ${result.failure}`);
  for (const p of result.problems.slice(0, 10)) console.log(`  row ${p.row} ${p.field ?? ''} ${p.code}: ${p.message.vi}`);
  if (result.problemCount > 0) {
    const target = `${file}.report.json`;
    await saveReport(result.id, target, token);
    console.log(`  every problem: ${target}`);
  }
  return result.status === 'DONE' ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(`roster: ${err.message}`);
      process.exit(1);
    },
  );
}
