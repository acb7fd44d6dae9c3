import { ObjectStore } from '@edu/storage';
import pg from 'pg';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { call, exampleFor, ministryToken, schoolToken, submit, type SubmissionBody } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { signDocuments } from '../support/signers.js';
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

  it('stops every superseded version, then archives each newest version exactly once and lists it in the feed once', { timeout: 600_000 }, async () => {
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

    const q = async (sql: string, params: unknown[] = [ids]) => (await db.query(sql, params)).rows[0].n as number;
    // 48 records were submitted again and again: each newer version supersedes the one before it, whose workflow
    // stops (SIGNING.SUPERSEDED). The newest version of each record waits for its school's signers.
    const latest: Array<{ id: string; issuer_code: string }> = (
      await db.query(
        `SELECT d.id, d.issuer_code FROM interchange.documents d
         WHERE d.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM interchange.documents n WHERE n.supersedes_id = d.id)`,
        [ids],
      )
    ).rows;
    expect(latest).toHaveLength(48);
    const latestIds = latest.map((d) => d.id);
    await pollUntil(
      () => q(`SELECT count(*)::int AS n FROM interchange.documents WHERE id = ANY($1::uuid[]) AND status = 'failed' AND failure_code = 'SIGNING.SUPERSEDED'`),
      (n) => n === TOTAL - latest.length,
      { what: `${TOTAL - latest.length} superseded versions stopped`, timeoutMs: 300_000, intervalMs: 1000 },
    );
    for (const issuer of new Set(latest.map((d) => d.issuer_code)))
      await signDocuments(issuer, latest.filter((d) => d.issuer_code === issuer).map((d) => d.id), { timeoutMs: 300_000 });
    await pollUntil(
      () => q(`SELECT count(*)::int AS n FROM interchange.documents WHERE id = ANY($1::uuid[]) AND status = 'archived'`),
      (n) => n === latest.length,
      { what: `${latest.length} documents archived`, timeoutMs: 300_000, intervalMs: 1000 },
    );
    // Three signatures (teacher, principal, seal) on each newest version, none on a superseded one; one archive each.
    expect(await q(`SELECT count(*)::int AS n FROM signing.signatures WHERE document_id = ANY($1::uuid[])`)).toBe(3 * latest.length);
    expect(await q(`SELECT count(*)::int AS n FROM signing.signatures WHERE document_id = ANY($1::uuid[])`, [latestIds])).toBe(3 * latest.length);
    expect(await q(`SELECT count(*)::int AS n FROM archiving.archived_documents WHERE document_id = ANY($1::uuid[])`)).toBe(latest.length);
    expect(await q(`SELECT count(*)::int AS n FROM interchange.feed WHERE document_id = ANY($1::uuid[])`)).toBe(latest.length);
    expect(await q(`SELECT count(DISTINCT document_id)::int AS n FROM interchange.document_signatures WHERE document_id = ANY($1::uuid[])`)).toBe(latest.length);

    // In the WORM bucket: one version of one container per document, no orphan rewrites.
    const store = new ObjectStore({ endPoint: ENV.MINIO_ENDPOINT, port: Number(ENV.MINIO_PORT), accessKey: ENV.MINIO_ACCESS_KEY, secretKey: ENV.MINIO_SECRET_KEY });
    const wanted = new Set(latestIds);
    const versions = new Map<string, number>();
    for (const v of await store.listVersions(ENV.ARCHIVE_BUCKET ?? 'edu-archive', 'hoc-ba/')) {
      const id = v.key.split('/').pop()?.replace('.asics', '');
      if (id && wanted.has(id)) versions.set(id, (versions.get(id) ?? 0) + 1);
    }
    expect(versions.size).toBe(latest.length);
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
    expect(latestIds.filter((id) => seen.get(id) !== 1)).toEqual([]);
    expect(ids.filter((id) => !wanted.has(id) && seen.has(id))).toEqual([]);
  });
});
