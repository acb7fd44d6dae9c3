// ./edu bench identity — identity at province scale: the roster import of the Hải Phòng preset (521,000 students,
// bar ≤ 60 s), token issuance/s and OCSP responses/s, each with a baseline measured in the same run.
import { execFileSync } from 'node:child_process';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { importOrganisations, rosterImport } from './identity-roster.mjs';
import { ocspResponsesPerSecond } from './identity-pki.mjs';
import { tokensPerSecond } from './identity-tokens.mjs';
import { ENV, fmt, ROOT } from './lib.mjs';
import { peakRssMiB } from './rss.mjs';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '16' } },
  allowPositionals: true,
});
const BAR = { rosterSeconds: 60, students: 521_000 };
const durationMs = Number(values.seconds) * 1000;
const concurrency = Number(values.concurrency);
const dataDir = `${ROOT}.edu/bench/haiphong`;

console.log('==> bench identity: demo data, preset haiphong (seed 1)');
if (!existsSync(`${dataDir}/students.csv`)) {
  const t0 = performance.now();
  execFileSync(`${ROOT}edu`, ['demo-data', '--preset', 'haiphong', '--seed', '1', '--out', dataDir], { stdio: 'inherit' });
  console.log(`    written in ${fmt((performance.now() - t0) / 1000)} s`);
} else console.log(`    reusing ${dataDir}`);

// The CPU baselines run first: synchronous work here later would let the HTTP phases' keep-alive sockets go stale.
console.log('==> bench identity: baseline 1/3 — ES256 signatures/s in one Node process');
const es256 = signsPerSecond();
console.log(`    ${fmt(es256, 0)} signs/s`);
console.log('==> bench identity: baseline 2/3 — openssl speed ecdsap256 (one core)');
const p256 = opensslEcdsaP256SignsPerSecond();
console.log(`    ${fmt(p256, 0)} signs/s`);
console.log('==> bench identity: organisations');
await importOrganisations(`${dataDir}/organisations.csv`);

console.log('==> bench identity: baseline 3/3 — raw COPY of students.csv into a temporary table (psql \\copy)');
const copySeconds = rawCopySeconds(`${dataDir}/students.csv`);
console.log(`    ${fmt(copySeconds, 2)} s`);

console.log('==> bench identity: roster import of students.csv (all-or-nothing)');
const roster = await rosterImport({ file: `${dataDir}/students.csv`, mode: 'all-or-nothing' });
console.log(`    ${roster.status}: ${roster.rows} rows in ${fmt(roster.seconds, 1)} s (${fmt(roster.rowsPerSecond, 0)} rows/s); applied ${roster.applied}, unchanged ${roster.unchanged}, problems ${roster.problems}`);

console.log(`==> bench identity: tokens (client_secret_basic), ${values.seconds} s at concurrency ${concurrency}`);
const tokens = await tokensPerSecond({ durationMs, concurrency });
console.log(`    ${fmt(tokens.tokensPerSecond ?? tokens, 0)} tokens/s`);

console.log(`==> bench identity: OCSP, ${values.seconds} s at concurrency ${concurrency}`);
const ocsp = await ocspResponsesPerSecond({ durationMs, concurrency });
console.log(`    cached ${fmt(ocsp.cached, 0)} /s, with nonce ${fmt(ocsp.nonce, 0)} /s`);

const rss = peakRssMiB('identity');
const tokensPerSecondValue = tokens.tokensPerSecond ?? tokens;
const result = {
  at: new Date().toISOString(),
  roster: { ...roster, bar: BAR, scaledTo521kSeconds: (roster.seconds * BAR.students) / Math.max(roster.rows, 1) },
  tokensPerSecond: tokensPerSecondValue,
  ocspPerSecond: ocsp,
  identityPeakRssMiB: rss,
  baselines: { rawCopySeconds: copySeconds, es256SignsPerSecond: es256, opensslEcdsaP256SignsPerSecond: p256 },
};

console.log('\n==> bench identity: results');
console.log(`  roster import (${roster.rows} students)   ${fmt(roster.seconds, 1)} s   (bar ≤ ${BAR.rosterSeconds} s: ${fmt(BAR.rosterSeconds / roster.seconds, 2)}× headroom; ${roster.status}, ${roster.applied} applied, ${roster.unchanged} unchanged)`);
console.log(`  baseline raw COPY                 ${fmt(copySeconds, 2)} s      ratio import ÷ raw COPY = ${fmt(roster.seconds / copySeconds, 1)}`);
console.log(`  tokens                            ${fmt(tokensPerSecondValue, 0)} /s    ratio to ES256 signs/s = ${fmt(tokensPerSecondValue / es256, 3)}`);
console.log(`  OCSP cached / with nonce          ${fmt(ocsp.cached, 0)} / ${fmt(ocsp.nonce, 0)} /s   ratio nonce ÷ openssl P-256 signs/s = ${fmt(ocsp.nonce / p256, 3)}`);
console.log(`  identity peak RSS                 ${fmt(rss)} MiB   (≤ 256)`);
mkdirSync(`${ROOT}.edu/bench`, { recursive: true });
const file = `${ROOT}.edu/bench/identity-${result.at.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\n  written to ${file}`);

function rawCopySeconds(csv) {
  const psql = existsSync('/usr/lib/postgresql/15/bin/psql') ? '/usr/lib/postgresql/15/bin/psql' : 'psql';
  const sql = `CREATE TEMP TABLE bench_copy (a text, b text, c text, d text, e text, f text, g text, h text, i text);
\\copy bench_copy FROM '${csv}' WITH (FORMAT csv, HEADER true)`;
  const t0 = performance.now();
  execFileSync(psql, [ENV.DATABASE_URL, '-v', 'ON_ERROR_STOP=1', '-q'], { input: sql, stdio: ['pipe', 'ignore', 'inherit'] });
  return (performance.now() - t0) / 1000;
}

function signsPerSecond(ms = 2000) {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const data = Buffer.alloc(300, 7);
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    createSign('SHA256').update(data).sign({ key: privateKey, dsaEncoding: 'ieee-p1363' });
    n++;
  }
  return n / (ms / 1000);
}

function opensslEcdsaP256SignsPerSecond(seconds = 3) {
  const out = execFileSync('openssl', ['speed', '-seconds', String(seconds), '-multi', '1', 'ecdsap256'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString();
  const line = out.split('\n').find((l) => /256 bits ecdsa \(nistp256\)/.test(l));
  if (!line) throw new Error(`cannot read openssl speed output:\n${out}`);
  const fields = line.trim().split(/\s+/);
  return Number(fields[fields.length - 2]); // "... 0.0000s 0.0001s 39000.0 13000.0": sign/s, then verify/s
}
