import { encodeEnvelope, encodeEvent, type EventMeta, type NewEvent, type Topic } from '@edu/contracts';
import { insertRows, preparedQuery } from '@edu/persistence';
import { currentCorrelationId, currentTraceparent } from '@edu/telemetry';
import type { DataSource, EntityManager } from 'typeorm';
import { compactionsByTopic, type OutboxCompaction } from './outbox-compaction.js';
import type { OutboxPayloads } from './outbox-payloads.js';

export const HEADER_EVENT_TYPE = 'event-type';
export const HEADER_EVENT_ID = 'event-id';
export const HEADER_TRACEPARENT = 'traceparent';
/** The trace context of the work that wrote the event; `traceparent` itself is rewritten by the producer's span. */
export const HEADER_ORIGIN_TRACEPARENT = 'edu-origin-traceparent';

/** From this average payload size on, events are inserted with binary parameters (see appendMany). */
const BINARY_PAYLOAD_BYTES = 2048;
const OUTBOX_COLUMNS: Array<[string, string]> = [['event_id', 'uuid'], ['topic', 'text'], ['key', 'text'], ['payload', 'bytea'], ['headers', 'jsonb']];

/** The rows of an outbox INSERT written by OutboxWriter, from its parameters: for fakes that record SQL in unit tests. */
export function outboxRowsOf(params: unknown[]): Array<{ eventId: string; topic: string; key: string; payload: Buffer }> {
  if (Array.isArray(params[0])) {
    // the unnest form: one array per column
    const [ids, topics, keys, payloads] = params as [string[], string[], string[], Buffer[]];
    return ids.map((eventId, i) => ({ eventId, topic: topics[i], key: keys[i], payload: payloads[i] }));
  }
  const rows = [];
  for (let i = 0; i < params.length; i += OUTBOX_COLUMNS.length) {
    const [eventId, topic, key, payload] = params.slice(i, i + OUTBOX_COLUMNS.length) as [string, string, string, Buffer];
    rows.push({ eventId, topic, key, payload });
  }
  return rows;
}

/**
 * Appends events to the outbox inside the caller's transaction: the state change and its events commit together.
 * With `payloads`, each payload is also kept for this process's relay, which then need not read it back. An event
 * with a compaction is stored in its compact form (its relay expands what it reads back).
 */
export class OutboxWriter {
  private readonly compactions: Map<string, OutboxCompaction>;

  constructor(
    private readonly producer: string,
    private readonly payloads?: OutboxPayloads,
    compactions: readonly OutboxCompaction[] = [],
  ) {
    this.compactions = compactionsByTopic(compactions);
  }

  async append<T extends Topic>(
    em: EntityManager,
    key: string,
    event: Omit<NewEvent<T>, 'producer'>,
  ): Promise<EventMeta> {
    const [meta] = await this.appendMany(em, [{ key, event }]);
    return meta;
  }

  /**
   * Runs `write`, one INSERT or UPDATE … RETURNING, and appends `event` in the same statement when the write returns
   * a row: the change and its event commit together in one round trip where a transaction takes four (BEGIN, the
   * write, the event, COMMIT). Answers the write's rows; none means that neither was written. The statement runs
   * prepared under `write.name`, so each name must always go with the same write.
   */
  async appendWith<R, T extends Topic>(
    em: EntityManager | DataSource,
    write: { name: string; text: string; params: unknown[] },
    key: string,
    event: Omit<NewEvent<T>, 'producer'>,
  ): Promise<R[]> {
    const [row] = this.rowsOf([{ key, event }]);
    const n = write.params.length;
    const names = OUTBOX_COLUMNS.map(([name]) => name).join(', ');
    const values = OUTBOX_COLUMNS.map(([, type], i) => `$${n + i + 1}::${type}`).join(', ');
    const rows = await preparedQuery<R[]>(
      em,
      write.name,
      `WITH written AS (${write.text}),
       event AS (INSERT INTO outbox (${names}) SELECT ${values} WHERE EXISTS (SELECT 1 FROM written))
       SELECT * FROM written`,
      [...write.params, ...row.cells],
    );
    if (rows.length) this.payloads?.remember(row.meta.eventId, row.full);
    return rows;
  }

  /** Appends many events with one statement (a batch consumer's effects). */
  async appendMany<T extends Topic>(
    em: EntityManager,
    items: Array<{ key: string; event: Omit<NewEvent<T>, 'producer'> }>,
  ): Promise<EventMeta[]> {
    if (!items.length) return [];
    const rows = this.rowsOf(items);
    // In order: the relay publishes by id, so a key's events leave in the order they were appended. Large payloads
    // (signed records) go as binary parameters; many small ones (a roster's events) as arrays in one short statement,
    // where the hex text of bytea[] costs little and PostgreSQL plans one statement instead of thousands of parameters.
    const payloadBytes = rows.reduce((sum, r) => sum + r.payload.length, 0);
    if (payloadBytes / rows.length >= BINARY_PAYLOAD_BYTES) {
      await insertRows(em, 'outbox', OUTBOX_COLUMNS, rows.map((r) => r.cells), '', 'outbox-append-one');
    } else {
      await em.query(
        `INSERT INTO outbox (event_id, topic, key, payload, headers)
         SELECT a, b, c, d, e FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bytea[], $5::jsonb[]) WITH ORDINALITY AS t(a, b, c, d, e, n) ORDER BY n`,
        OUTBOX_COLUMNS.map((_, i) => rows.map((r) => r.cells[i])),
      );
    }
    for (const r of rows) this.payloads?.remember(r.meta.eventId, r.full);
    return rows.map((r) => r.meta);
  }

  /**
   * Each event encoded for its outbox row, in its stored (compact) form and in full, under the current trace; `cells`
   * is the row's values in the order of OUTBOX_COLUMNS.
   */
  private rowsOf<T extends Topic>(items: Array<{ key: string; event: Omit<NewEvent<T>, 'producer'> }>) {
    const traceparent = currentTraceparent();
    return items.map(({ key, event }) => {
      const correlationId = event.correlationId ?? currentCorrelationId();
      const { meta, bytes } = encodeEvent({ ...event, correlationId, producer: this.producer } as NewEvent<T>);
      const headers: Record<string, string> = { [HEADER_EVENT_TYPE]: meta.type, [HEADER_EVENT_ID]: meta.eventId };
      if (traceparent) headers[HEADER_TRACEPARENT] = headers[HEADER_ORIGIN_TRACEPARENT] = traceparent;
      const compaction = this.compactions.get(meta.type) as OutboxCompaction<T> | undefined;
      const full = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const stored = compaction ? Buffer.from(encodeEnvelope(meta as EventMeta & { type: T }, compaction.compact(event.payload))) : full;
      const cells: unknown[] = [meta.eventId, meta.type, key, stored, JSON.stringify(headers)];
      return { meta, payload: stored, full, cells };
    });
  }
}
