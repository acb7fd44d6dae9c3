// Submits N học bạ across the demo schools at full speed with bounded concurrency and measures submit → archived.
import { randomUUID } from 'node:crypto';
import { demoClients, getJson, INTERCHANGE, pool, token } from './lib.mjs';

async function feedEnd(tok) {
  let after = '0';
  for (;;) {
    const page = await getJson(`/v1/feed?after=${after}&limit=1000`, tok);
    if (!page.hasMore) return page.nextCursor;
    after = page.nextCursor;
  }
}

export async function endToEnd({ total, concurrency, onProgress }) {
  const clients = demoClients();
  const schools = clients.filter((c) => c.role === 'school');
  const ministry = await token(clients.find((c) => c.role === 'ministry'));
  const tokens = await Promise.all(schools.map(token));
  const bodies = [];
  for (let s = 0; s < schools.length; s++) {
    for (let n = 0; n < 12; n++) bodies.push({ s, body: JSON.stringify(await getJson(`/v1/document-types/hoc-ba/example?n=${n}`, tokens[s])) });
  }
  const start = await feedEnd(ministry);
  const ids = new Set();
  let rejected = 0;
  const t0 = Date.now();
  const submit = pool(total, concurrency, async (i) => {
    const { s, body } = bodies[i % bodies.length];
    for (;;) {
      const res = await fetch(`${INTERCHANGE}/v1/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens[s]}`, 'content-type': 'application/json', 'idempotency-key': `bench-${randomUUID()}` },
        body,
      });
      if (res.status === 202) {
        ids.add((await res.json()).id);
        return;
      }
      rejected++;
      if (res.status < 500) throw new Error(`submission refused: ${res.status} ${await res.text()}`);
    }
  });

  // Follow the ministry feed: each archived record carries its server-side submittedAt and archivedAt.
  const latencies = [];
  let firstSubmitted = Infinity;
  let lastArchived = 0;
  let after = start;
  let submitted = false;
  void submit.then(() => (submitted = true));
  const deadline = Date.now() + Math.max(600_000, total * 30);
  while (latencies.length < total && Date.now() < deadline) {
    const page = await getJson(`/v1/feed?after=${after}&limit=1000`, ministry);
    for (const item of page.items) {
      if (!item.id) continue;
      const sub = Date.parse(item.submittedAt);
      const arc = Date.parse(item.archivedAt);
      latencies.push(arc - sub);
      firstSubmitted = Math.min(firstSubmitted, sub);
      lastArchived = Math.max(lastArchived, arc);
    }
    after = page.nextCursor;
    onProgress?.(latencies.length, submitted);
    if (!page.hasMore) await new Promise((r) => setTimeout(r, 250));
  }
  await submit;
  const submitSeconds = (Date.now() - t0) / 1000;
  return {
    total,
    concurrency,
    accepted: ids.size,
    retriedAfter5xx: rejected,
    archived: latencies.length,
    submitPerSecond: total / submitSeconds,
    endToEndSeconds: (lastArchived - firstSubmitted) / 1000,
    documentsPerSecond: latencies.length / ((lastArchived - firstSubmitted) / 1000),
    latenciesMs: latencies.sort((a, b) => a - b),
  };
}
