// ./edu bench [documents] — the document pipeline benchmark: end-to-end documents/s, latency percentiles, peak RSS per service, and in the
// same run the OpenSSL RSA-2048 and raw MinIO PUT baselines with the ratios. Figures, never pass/fail timing tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { minioPutsPerSecond, opensslRsa2048SignsPerSecond } from './baselines.mjs';
import { endToEnd } from './end-to-end.mjs';
import { fmt, percentile, ROOT } from './lib.mjs';
import { peakRssMiB } from './rss.mjs';

const { values } = parseArgs({
  options: { documents: { type: 'string', default: '20000' }, concurrency: { type: 'string', default: '48' } },
  allowPositionals: true,
});
const SERVICES = ['interchange', 'identity', 'signing', 'archiving'];
const BARS = { documentsPerSecond: 100, p99Ms: 5000, rssMiB: 256 };

console.log('==> bench: baseline 1/2 — openssl speed rsa2048 (one core)');
const opensslSigns = opensslRsa2048SignsPerSecond();
console.log(`    ${fmt(opensslSigns)} signs/s`);

console.log(`==> bench: end to end — ${values.documents} học bạ, concurrency ${values.concurrency}`);
const e2e = await endToEnd({
  total: Number(values.documents),
  concurrency: Number(values.concurrency),
  onProgress: (n) => process.stdout.write(`\r    archived ${n}`),
});
process.stdout.write('\n');

const containerSize = 6 * 1024; // an archived học bạ container is ~5.9 KB
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
  documentsPerSecond: e2e.documentsPerSecond,
  submitPerSecond: e2e.submitPerSecond,
  latencyMs: { p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), max: lat[lat.length - 1] },
  peakRssMiB: rss,
  baselines: { opensslRsa2048SignsPerSecond: opensslSigns, minioPutPerSecond: minioPuts },
  ratios: {
    documentsPerOpensslSign: e2e.documentsPerSecond / opensslSigns,
    documentsPerMinioPut: e2e.documentsPerSecond / minioPuts,
  },
};

console.log('\n==> bench: results');
console.log(`  documents archived            ${e2e.archived} / ${e2e.total}`);
console.log(`  end to end (submit→archived)  ${fmt(result.documentsPerSecond)} documents/s   (bar ≥ ${BARS.documentsPerSecond}: ${fmt(result.documentsPerSecond / BARS.documentsPerSecond, 2)}×)`);
console.log(`  submissions accepted          ${fmt(result.submitPerSecond)} /s`);
console.log(`  latency p50 / p95 / p99       ${result.latencyMs.p50} / ${result.latencyMs.p95} / ${result.latencyMs.p99} ms   (p99 bar ≤ ${BARS.p99Ms} ms)`);
for (const s of SERVICES) console.log(`  peak RSS ${s.padEnd(12)}         ${fmt(rss[s])} MiB   (bar ≤ ${BARS.rssMiB})`);
console.log(`  baseline openssl rsa2048      ${fmt(opensslSigns)} signs/s   ratio documents/s ÷ signs/s = ${fmt(result.ratios.documentsPerOpensslSign, 3)}`);
console.log(`  baseline MinIO PUT (${containerSize / 1024} KiB)   ${fmt(minioPuts)} PUT/s     ratio documents/s ÷ PUT/s = ${fmt(result.ratios.documentsPerMinioPut, 3)}`);

mkdirSync(`${ROOT}.edu/bench`, { recursive: true });
const file = `${ROOT}.edu/bench/end-to-end-${result.at.replace(/[:.]/g, '-')}.json`;
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\n  written to ${file}`);
