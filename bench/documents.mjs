// ./edu bench [documents] — the document pipeline benchmark: each học bạ signed by its homeroom teacher and principal
// (batch approvals with a PIN) and sealed, three CAdES B-LT signatures and three time-stamps per record, then archived.
// Prints end-to-end documents/s, latency percentiles, peak RSS per service, and in the same run the OpenSSL RSA-2048
// and raw MinIO PUT baselines with the ratios. Figures, never pass/fail timing tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { minioPutsPerSecond, opensslRsa2048SignsPerSecond } from './baselines.mjs';
import { prepareProvince } from './bench-province.mjs';
import { endToEnd } from './end-to-end.mjs';
import { fmt, percentile, ROOT } from './lib.mjs';
import { peakRssMiB } from './rss.mjs';

const { values } = parseArgs({
  options: { documents: { type: 'string', default: '6000' }, concurrency: { type: 'string', default: '48' } },
  allowPositionals: true,
});
const SERVICES = ['interchange', 'identity', 'signing', 'archiving'];
let shown = -1;
const BARS = { documentsPerSecond: 100, p99Ms: 5000, rssMiB: 256 };

console.log('==> bench: baseline 1/2 — openssl speed rsa2048 (one core)');
const opensslSigns = opensslRsa2048SignsPerSecond();
console.log(`    ${fmt(opensslSigns)} signs/s`);

console.log(`==> bench: province — ${values.documents} students with their schools, homeroom teachers and principals`);
const province = await prepareProvince({ documents: Number(values.documents), log: (m) => console.log(`    ${m}`) });
console.log(`==> bench: end to end — ${province.studentIds.length} học bạ (teacher → principal → seal), ${province.signers.length} signers, concurrency ${values.concurrency}`);
const e2e = await endToEnd({
  province,
  concurrency: Number(values.concurrency),
  onProgress: (n) => n !== shown && process.stdout.write(`\r    archived ${(shown = n)}`),
});
process.stdout.write('\n');

// As big as this run's containers (content and the three B-LT signatures), whatever they were.
const containerSize = Number.isFinite(e2e.meanContainerBytes) ? e2e.meanContainerBytes : 48 * 1024;
console.log(`==> bench: baseline 2/2 — raw MinIO PUT of ${containerSize} B objects into the object-lock bucket`);
const minioPuts = await minioPutsPerSecond(containerSize);
console.log(`    ${fmt(minioPuts)} PUT/s`);

const rss = Object.fromEntries(SERVICES.map((s) => [s, peakRssMiB(s)]));
const lat = e2e.latenciesMs;
const result = {
  at: new Date().toISOString(),
  documents: e2e.total,
  concurrency: e2e.concurrency,
  archived: e2e.archived,
  signers: e2e.signers,
  approvalCalls: e2e.approvalCalls,
  taskListReads: e2e.taskListReads,
  documentsPerSecond: e2e.documentsPerSecond,
  submitPerSecond: e2e.submitPerSecond,
  latencyMs: { p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), max: lat[lat.length - 1] },
  peakRssMiB: rss,
  cpuMsPerDocument: e2e.cpuMsPerDocument,
  baselines: { opensslRsa2048SignsPerSecond: opensslSigns, minioPutPerSecond: minioPuts, minioPutBytes: containerSize },
  ratios: {
    documentsPerOpensslSign: e2e.documentsPerSecond / opensslSigns,
    documentsPerMinioPut: e2e.documentsPerSecond / minioPuts,
  },
};

console.log('\n==> bench: results');
console.log(`  documents archived            ${e2e.archived} / ${e2e.total}`);
console.log(`  end to end (submit→archived)  ${fmt(result.documentsPerSecond)} documents/s   (bar ≥ ${BARS.documentsPerSecond}: ${fmt(result.documentsPerSecond / BARS.documentsPerSecond, 2)}×)`);
console.log(`  submissions accepted          ${fmt(result.submitPerSecond)} /s`);
console.log(`  signers / approval calls      ${e2e.signers} / ${e2e.approvalCalls}   (3 signatures + 3 time-stamps per record; ${e2e.taskListReads} task-list reads)`);
console.log(`  latency p50 / p95 / p99       ${result.latencyMs.p50} / ${result.latencyMs.p95} / ${result.latencyMs.p99} ms   (p99 bar ≤ ${BARS.p99Ms} ms)`);
for (const s of SERVICES) console.log(`  peak RSS ${s.padEnd(12)}         ${fmt(rss[s])} MiB   (bar ≤ ${BARS.rssMiB})`);
console.log(`  CPU ms per document           ${Object.entries(e2e.cpuMsPerDocument).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')}`);
console.log(`  baseline openssl rsa2048      ${fmt(opensslSigns)} signs/s   ratio documents/s ÷ signs/s = ${fmt(result.ratios.documentsPerOpensslSign, 3)}`);
console.log(`  baseline MinIO PUT (${fmt(containerSize / 1024)} KiB) ${fmt(minioPuts)} PUT/s     ratio documents/s ÷ PUT/s = ${fmt(result.ratios.documentsPerMinioPut, 3)}`);

mkdirSync(`${ROOT}.edu/bench`, { recursive: true });
const file = `${ROOT}.edu/bench/end-to-end-${result.at.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\n  written to ${file}`);
