import { ObjectStore } from '@edu/storage';
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { call, exampleFor, ministryToken, schoolToken, submit, type SubmissionBody } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { killHard, restart, type ServiceName } from '../support/services.js';
import { ENV, ROOT } from '../support/stack.js';

const TOTAL = 1000;
const CONCURRENCY = 16;

/** Submits like a well-behaved school system: on a dropped connection or 5xx it retries with the same key. */
async function submitWithRetry(token: string, body: SubmissionBody, key: string): Promise<string> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const res = await submit(token, body, key);
      if (res.status === 202) return res.body.id;
      if (res.status < 500) throw new Error(`refused: ${res.status} ${JSON.stringify(res.body)}`);
    } catch (err) {
      if ((err as Error).message.startsWith('refused')) throw err;
    }
    if (Date.now() > deadline) throw new Error(`gave up on ${key}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('kill -9 of every service during 1,000 submissions', () => {
  const db = new pg.Pool({ connectionString: ENV.DATABASE_URL, max: 2 });
  afterAll(() => db.end());

  it('archives every document exactly once and lists it in the feed exactly once', { timeout: 600_000 }, async () => {
    const tokens = await Promise.all([0, 1, 2, 3].map((i) => schoolToken(i)));
    const bodies = await Promise.all(
      Array.from({ length: 48 }, (_, i) => exampleFor(tokens[i % 4], Math.floor(i / 4))),
    );
    const kills: Array<{ at: number; service: ServiceName }> = [
      { at: 150, service: 'signing' },
      { at: 350, service: 'archiving' },
      { at: 550, service: 'interchange' },
      { at: 750, service: 'identity' },
    ];
    const restarts: Promise<void>[] = [];
    const killed: Array<{ service: ServiceName; pid: number }> = [];
    const ids: string[] = new Array(TOTAL);
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < TOTAL) {
        const i = next++;
        ids[i] = await submitWithRetry(tokens[i % 4], bodies[i % 48], `kill9-${randomUUID()}`);
        done++;
        const kill = kills.find((k) => k.at === done);
        if (kill) {
          killed.push({ service: kill.service, pid: killHard(kill.service) });
          restarts.push(restart(kill.service));
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await Promise.all(restarts);
    expect(killed.map((k) => k.service)).toEqual(kills.map((k) => k.service));
    for (const k of killed) expect(Number(readFileSync(`${ROOT}.edu/pids/${k.service}.pid`, 'utf8'))).not.toBe(k.pid);
    expect(new Set(ids).size).toBe(TOTAL);

    const q = async (sql: string) => (await db.query(sql, [ids])).rows[0].n as number;
    await pollUntil(
      () => q(`SELECT count(*)::int AS n FROM interchange.documents WHERE id = ANY($1::uuid[]) AND status = 'archived'`),
      (n) => n === TOTAL,
      { what: `${TOTAL} documents archived`, timeoutMs: 300_000, intervalMs: 1000 },
    );
    expect(await q(`SELECT count(*)::int AS n FROM signing.signatures WHERE document_id = ANY($1::uuid[])`)).toBe(TOTAL);
    expect(await q(`SELECT count(*)::int AS n FROM archiving.archived_documents WHERE document_id = ANY($1::uuid[])`)).toBe(TOTAL);
    expect(await q(`SELECT count(*)::int AS n FROM interchange.feed WHERE document_id = ANY($1::uuid[])`)).toBe(TOTAL);
    expect(await q(`SELECT count(DISTINCT document_id)::int AS n FROM interchange.document_signatures WHERE document_id = ANY($1::uuid[])`)).toBe(TOTAL);

    // In the WORM bucket: one version of one container per document, no orphan rewrites.
    const store = new ObjectStore({ endPoint: ENV.MINIO_ENDPOINT, port: Number(ENV.MINIO_PORT), accessKey: ENV.MINIO_ACCESS_KEY, secretKey: ENV.MINIO_SECRET_KEY });
    const wanted = new Set(ids);
    const versions = new Map<string, number>();
    for (const v of await store.listVersions(ENV.ARCHIVE_BUCKET ?? 'edu-archive', 'hoc-ba/')) {
      const id = v.key.split('/').pop()?.replace('.asics', '');
      if (id && wanted.has(id)) versions.set(id, (versions.get(id) ?? 0) + 1);
    }
    expect(versions.size).toBe(TOTAL);
    expect([...versions.values()].filter((n) => n !== 1)).toEqual([]);

    // Through the public feed: every id exactly once.
    const ministry = await ministryToken();
    const seen = new Map<string, number>();
    let after = '0';
    for (;;) {
      const page = await call<{ items: Array<{ id: string }>; nextCursor: string; hasMore: boolean }>('GET', `/v1/feed?after=${after}&limit=1000`, { token: ministry });
      for (const item of page.body.items) seen.set(item.id, (seen.get(item.id) ?? 0) + 1);
      if (!page.body.hasMore) break;
      after = page.body.nextCursor;
    }
    expect(ids.filter((id) => seen.get(id) !== 1)).toEqual([]);
  });
});
