// ./edu bench attachments [--documents 24] [--size-mib 8] [--concurrency 8] — contracts (hợp đồng) carrying large
// PDFs, end to end: submitted as JSON with the PDF in base64, checked and staged by interchange, signed by their
// schools' principals and sealed, archived. Prints ingest MB/s and documents/s, CPU per document, peak RSS per service
// (run it on a fresh stack: RSS is the process's high-water mark) and, in the same run, raw MinIO PUTs of the same
// size as the baseline. Figures, never pass/fail timing tests.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { minioPutsPerSecond } from './baselines.mjs';
import { approveUntil, prepareProvince } from './bench-province.mjs';
import { cpuPerUnit, cpuSnapshot } from './cpu.mjs';
import { fmt, getJson, INTERCHANGE, pool, token } from './lib.mjs';
import { peakRssMiB } from './rss.mjs';

const { values } = parseArgs({
  options: { documents: { type: 'string', default: '24' }, 'size-mib': { type: 'string', default: '8' }, concurrency: { type: 'string', default: '8' } },
  allowPositionals: true,
});
const total = Number(values.documents);
// The PDF as large as asked, within the 8 MiB a submission may carry.
const pdfBytes = Math.min(Number(values['size-mib']) * 1024 * 1024, 8 * 1024 * 1024);
const SERVICES = ['interchange', 'signing', 'archiving'];
const COMPONENTS = [...SERVICES, 'postgres', 'kafka', 'minio'];

console.log('==> bench: attachments — a province slice with its schools, principals and seals');
const province = await prepareProvince({ documents: 400, log: (m) => console.log(`    ${m}`) });
const schools = Object.keys(province.clients);
const tokens = Object.fromEntries(await Promise.all(schools.map(async (org) => [org, await token(province.clients[org])])));

console.log(`==> bench: ${total} contracts with ${fmt(pdfBytes / 1024 / 1024)} MiB PDFs (built before the clock starts)`);
const annex = randomBytes(pdfBytes);
const bodies = [];
for (let i = 0; i < total; i++) {
  const org = schools[i % schools.length];
  const example = await getJson(`/v1/document-types/hop-dong/example?n=${Math.floor(i / schools.length)}`, tokens[org]);
  const doc = await PDFDocument.load(Buffer.from(example.content.attachment.data, 'base64'));
  // pdf-lib deflates the annex (random bytes grow a little) and adds its dictionaries: 64 KiB leaves room for both.
  await doc.attach(annex.subarray(0, pdfBytes - 64 * 1024), 'phu-luc.bin', { mimeType: 'application/octet-stream' });
  const pdf = Buffer.from(await doc.save({ useObjectStreams: false }));
  const attachment = { ...example.content.attachment, size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), data: pdf.toString('base64') };
  bodies.push({ org, json: JSON.stringify({ ...example, content: { ...example.content, attachment } }) });
}
const ingestBytes = bodies.reduce((sum, b) => sum + Buffer.byteLength(b.json), 0);

const cpuBefore = cpuSnapshot(COMPONENTS);
const t0 = Date.now();
const ids = [];
await pool(total, Number(values.concurrency), async (i) => {
  const { org, json } = bodies[i];
  const res = await fetch(`${INTERCHANGE}/v1/documents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[org]}`, 'content-type': 'application/json', 'idempotency-key': `bench-${randomUUID()}` },
    body: json,
  });
  const body = await res.json();
  if (res.status !== 202) throw new Error(`submission refused: ${res.status} ${JSON.stringify(body)}`);
  ids.push({ id: body.id, org });
});
const submitted = (Date.now() - t0) / 1000;

const state = new Map();
const archived = () => [...state.values()].filter((s) => s === 'archived').length;
const failed = () => [...state.values()].filter((s) => s === 'failed' || s === 'rejected').length;
const over = () => archived() + failed() >= total || Date.now() - t0 > 600_000;
const approving = approveUntil({ signers: province.signers, done: over, onError: (e) => console.log(`    ${e}`) });
while (!over()) {
  await pool(ids.length, 8, async (i) => {
    if (state.get(ids[i].id) === 'archived') return;
    state.set(ids[i].id, (await getJson(`/v1/documents/${ids[i].id}`, tokens[ids[i].org])).status);
  });
  await new Promise((r) => setTimeout(r, 200));
}
const seconds = (Date.now() - t0) / 1000;
await approving;
const cpu = cpuPerUnit(cpuBefore, cpuSnapshot(COMPONENTS), total);

console.log(`==> bench: baseline — raw MinIO PUT of ${pdfBytes} B objects into the object-lock bucket`);
const minioPuts = await minioPutsPerSecond(pdfBytes, 32, 4);
const minioMBps = (minioPuts * pdfBytes) / 1e6;
const ingestMBps = ingestBytes / 1e6 / submitted;

console.log('\n==> bench: results');
console.log(`  documents archived            ${archived()} / ${total}${failed() ? ` (${failed()} failed or rejected)` : ''}`);
console.log(`  submissions                   ${fmt(total / submitted)} /s, ${fmt(ingestMBps)} MB/s of JSON (${fmt(ingestBytes / total / 1e6, 2)} MB each)`);
console.log(`  end to end (first submit → last archived)  ${fmt(archived() / seconds, 2)} documents/s`);
for (const s of SERVICES) console.log(`  peak RSS ${s.padEnd(12)}         ${fmt(peakRssMiB(s))} MiB`);
console.log(`  CPU ms per document           ${Object.entries(cpu).map(([k, v]) => `${k} ${fmt(v, 0)}`).join(', ')}`);
console.log(`  baseline MinIO PUT (${fmt(pdfBytes / 1024 / 1024)} MiB) ${fmt(minioPuts)} PUT/s = ${fmt(minioMBps)} MB/s   ratio ingest ÷ PUT = ${fmt(ingestMBps / minioMBps, 3)}`);
