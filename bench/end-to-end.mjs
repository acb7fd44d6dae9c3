// Submits one học bạ per student of the bench province with bounded concurrency while the schools' homeroom
// teachers and principals approve their tasks in batches (the seal follows), and measures submit → archived.
import { randomUUID } from 'node:crypto';
import { approveUntil } from './bench-province.mjs';
import { cpuPerUnit, cpuSnapshot } from './cpu.mjs';
import { demoClients, getJson, INTERCHANGE, pool, token } from './lib.mjs';

async function feedEnd(tok) {
  let after = '0';
  for (;;) {
    const page = await getJson(`/v1/feed?after=${after}&limit=1000`, tok);
    if (!page.hasMore) return page.nextCursor;
    after = page.nextCursor;
  }
}

export async function endToEnd({ province, concurrency, onProgress }) {
  const { studentIds, schoolOf, clients, signers } = province;
  const total = studentIds.length;
  const ministry = await token(demoClients().find((c) => c.role === 'ministry'));
  const tokens = Object.fromEntries(await Promise.all(Object.entries(clients).map(async ([org, c]) => [org, await token(c)])));
  const bodies = new Array(total);
  await pool(total, 16, async (i) => {
    const tok = tokens[schoolOf.get(studentIds[i])];
    bodies[i] = { tok, body: JSON.stringify(await getJson(`/v1/document-types/hoc-ba/example?studentId=${studentIds[i]}`, tok)) };
  });
  const start = await feedEnd(ministry);
  const ids = new Set();
  const errors = [];
  let retried = 0;
  const COMPONENTS = ['interchange', 'identity', 'signing', 'archiving', 'postgres', 'kafka', 'minio'];
  const cpuBefore = cpuSnapshot(COMPONENTS);
  const t0 = Date.now();
  const submit = pool(total, concurrency, async (i) => {
    const { tok, body } = bodies[i];
    const key = `bench-${randomUUID()}`;
    for (;;) {
      const res = await fetch(`${INTERCHANGE}/v1/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'idempotency-key': key },
        body,
      });
      if (res.status === 202) {
        ids.add((await res.json()).id);
        return;
      }
      retried++;
      if (res.status < 500) throw new Error(`submission refused: ${res.status} ${await res.text()}`);
    }
  });

  // Follow the ministry feed: each archived record carries its server-side submittedAt and archivedAt.
  const latencies = [];
  let containerBytes = 0;
  let firstSubmitted = Infinity;
  let lastArchived = 0;
  const deadline = Date.now() + Math.max(600_000, total * 60);
  const approving = approveUntil({ signers, done: () => latencies.length >= total || Date.now() > deadline, onError: (e) => errors.length < 5 && errors.push(e) });
  let after = start;
  while (latencies.length < total && Date.now() < deadline) {
    const page = await getJson(`/v1/feed?after=${after}&limit=1000`, ministry);
    for (const item of page.items) {
      // Only this run's records: the feed also lists whatever else the stack archives meanwhile.
      if (!item.id || !ids.has(item.id)) continue;
      const sub = Date.parse(item.submittedAt);
      const arc = Date.parse(item.archivedAt);
      latencies.push(arc - sub);
      containerBytes += item.archive?.size ?? 0;
      firstSubmitted = Math.min(firstSubmitted, sub);
      lastArchived = Math.max(lastArchived, arc);
    }
    after = page.nextCursor;
    onProgress?.(latencies.length);
    if (!page.hasMore) await new Promise((r) => setTimeout(r, 250));
  }
  const cpuMsPerDocument = cpuPerUnit(cpuBefore, cpuSnapshot(COMPONENTS), latencies.length);
  await submit;
  const submitSeconds = (Date.now() - t0) / 1000;
  const approvals = await approving;
  if (errors.length) console.log(`\n    approval errors (first ${errors.length}): ${errors.join(' | ')}`);
  return {
    total,
    concurrency,
    accepted: ids.size,
    retriedAfter5xx: retried,
    approvalCalls: approvals.approvals,
    taskListReads: approvals.polls,
    signers: signers.length,
    archived: latencies.length,
    submitPerSecond: total / submitSeconds,
    endToEndSeconds: (lastArchived - firstSubmitted) / 1000,
    documentsPerSecond: latencies.length / ((lastArchived - firstSubmitted) / 1000),
    latenciesMs: latencies.sort((a, b) => a - b),
    cpuMsPerDocument,
    meanContainerBytes: latencies.length ? Math.round(containerBytes / latencies.length) : NaN,
  };
}
