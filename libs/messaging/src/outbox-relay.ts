import { Logger } from '@nestjs/common';
import { preparedQuery } from '@edu/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { KafkaPublisher } from './kafka-publisher.js';
import { compactionsByTopic, expandStored, type OutboxCompaction } from './outbox-compaction.js';
import { HEADER_EVENT_TYPE } from './outbox-writer.js';
import type { OutboxPayloads } from './outbox-payloads.js';

interface OutboxRow {
  id: string;
  event_id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows in batches, oldest first, and deletes them in the same transaction. A crash
 * between send and commit re-sends the batch; consumers' inboxes drop the duplicates by event id. An advisory lock
 * keeps one relay per service publishing at a time, so per-key order holds when instances scale out.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private nudged = false;
  private readonly compactions: Map<string, OutboxCompaction>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly publisher: KafkaPublisher,
    private readonly opts = { batchSize: 500, maxBytes: 4 * 1024 * 1024, idleMs: 250, errorBackoffMs: 1000 },
    /** Shared with this process's OutboxWriter; payloads not found in it (or all, without it) are read from the table. */
    private readonly payloads?: OutboxPayloads,
    /** The writer's compactions: a payload read from the table is expanded before it is sent. */
    compactions: readonly OutboxCompaction[] = [],
  ) {
    this.compactions = compactionsByTopic(compactions);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /**
   * Called after a commit that wrote to the outbox, so the relay does not wait for its next poll; the poll (idleMs)
   * only catches rows written by other processes, such as the operator CLI.
   */
  nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  /** Publishes one batch; returns how many rows went out. */
  async publishBatch(): Promise<number> {
    // A cheap look first: most polls find nothing, and need no transaction or lock.
    const [pending] = await preparedQuery<unknown[]>(this.dataSource, 'outbox-pending', 'SELECT 1 FROM outbox LIMIT 1', []);
    if (!pending) return 0;
    return this.dataSource.transaction(async (em) => {
      const [{ locked }] = await preparedQuery<Array<{ locked: boolean }>>(em, 'outbox-lock', `SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox')) AS locked`, []);
      if (!locked) return 0;
      // At most batchSize rows and, past the first, maxBytes of payload (a batch of signed documents is ~45 KB a row):
      // the batch is held in memory twice while it is sent. octet_length reads a stored value's size without fetching it.
      const rows = await preparedQuery<OutboxRow[]>(
        em,
        'outbox-batch',
        `SELECT id, event_id, topic, key, headers
         FROM (SELECT o.*, sum(o.size) OVER (ORDER BY o.id) - o.size AS before
               FROM (SELECT id, event_id, topic, key, headers, octet_length(payload) AS size FROM outbox ORDER BY id LIMIT $1) o) w
         WHERE before < $2 ORDER BY id`,
        [this.opts.batchSize, this.opts.maxBytes],
      );
      if (!rows.length) return 0;
      const values = await this.payloadsOf(em, rows);
      await this.publisher.send(rows.map((r) => ({ topic: r.topic, key: r.key, value: values.get(r.id)!, headers: r.headers })));
      await preparedQuery(em, 'outbox-delete', 'DELETE FROM outbox WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return rows.length;
    });
  }

  /**
   * Each row's payload: from memory when this process wrote it, else from the table (as base64 rather than bytea's hex
   * output: a third more bytes than the payload instead of twice as many).
   */
  private async payloadsOf(em: EntityManager, rows: OutboxRow[]): Promise<Map<string, Buffer>> {
    const values = new Map<string, Buffer>();
    for (const r of rows) {
      const remembered = this.payloads?.take(r.event_id);
      if (remembered) values.set(r.id, remembered);
    }
    const missing = rows.filter((r) => !values.has(r.id)).map((r) => r.id);
    if (missing.length) {
      const stored: Array<{ id: string; payload: string }> = await preparedQuery(
        em,
        'outbox-payloads',
        `SELECT id, encode(payload, 'base64') AS payload FROM outbox WHERE id = ANY($1::bigint[])`,
        [missing],
      );
      for (const r of stored) values.set(r.id, Buffer.from(r.payload, 'base64'));
      const read = new Set(missing);
      await this.expand(em, rows.filter((r) => read.has(r.id)), values);
    }
    return values;
  }

  /** Replaces the compact forms read from the table with the full events, one expansion per event type. */
  private async expand(em: EntityManager, read: OutboxRow[], values: Map<string, Buffer>): Promise<void> {
    for (const [type, rows] of Map.groupBy(read, (r) => r.headers[HEADER_EVENT_TYPE] ?? r.topic)) {
      const compaction = this.compactions.get(type);
      if (!compaction) continue;
      const full = await expandStored(em, compaction, rows.map((r) => values.get(r.id)!));
      rows.forEach((r, i) => values.set(r.id, full[i]));
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      this.nudged = false;
      try {
        published = await this.publishBatch();
      } catch (err) {
        this.logger.warn(`outbox publish failed, retrying: ${(err as Error).message}`);
        await this.sleep(this.opts.errorBackoffMs, false);
        continue;
      }
      if (!published) await this.sleep(this.opts.idleMs);
    }
  }

  /** Waits `ms`, or less when nudged; a nudge that came while the last batch was being published counts too. */
  private sleep(ms: number, interruptible = true): Promise<void> {
    if (!this.running || (interruptible && this.nudged)) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = interruptible ? done : undefined;
    });
  }
}
