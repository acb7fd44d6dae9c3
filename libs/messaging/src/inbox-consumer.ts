import { decodeEvent, type DecodedEvent, type EventMeta, type EventPayload, type Topic } from '@edu/contracts';
import { DomainError, isPermanent } from '@edu/errors';
import { Logger } from '@nestjs/common';
import { preparedQuery } from '@edu/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeadLetterPublisher } from './dead-letter-publisher.js';
import { withCorrelationId } from '@edu/telemetry';
import { withEventSpan } from './event-tracing.js';
import type { IncomingMessage } from './incoming-message.js';

export interface EventContext {
  em: EntityManager;
  meta: EventMeta;
  key: string;
}

/**
 * How a consumer handles one event. `apply` runs inside the inbox transaction. The optional `prepare` does slow I/O
 * (object storage, signing) before it, for a whole batch in parallel; it may run more than once for one event, so it
 * must be safe to repeat.
 */
export interface EventHandler<T extends Topic, P = undefined> {
  prepare?(payload: EventPayload<T>, meta: EventMeta): Promise<P>;
  apply(payload: EventPayload<T>, ctx: EventContext, prepared: P): Promise<void>;
  /** Set-based form of `apply` for a batch of new events, in one transaction; any error falls back to `apply`. */
  applyBatch?(events: Array<{ payload: EventPayload<T>; meta: EventMeta; key: string; prepared: P }>, em: EntityManager): Promise<void>;
}

export type HandlerLike<T extends Topic, P = undefined> =
  | EventHandler<T, P>
  | ((payload: EventPayload<T>, ctx: EventContext) => Promise<void>);

export interface RetryPolicy {
  /** Attempts for a transient failure before the message goes to the DLQ. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 100, maxDelayMs: 5_000 };

interface Decoded<T extends Topic> extends DecodedEvent<T> {
  message: IncomingMessage;
  key: string;
}

/**
 * Prepares in flight at once per batch. Unbounded, a batch of 200 opened 200 object-storage requests together, which
 * overloaded MinIO and took archiving past 400 MB; 8 keeps MinIO busy without queueing inside it.
 */
const PREPARE_CONCURRENCY = 8;

async function mapBounded<A, R>(items: A[], limit: number, fn: (item: A) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const asHandler = <T extends Topic, P>(h: HandlerLike<T, P>): EventHandler<T, P> =>
  typeof h === 'function' ? { apply: (payload, ctx) => h(payload, ctx) } : h;

/**
 * Runs a handler exactly once per event id: the inbox rows and the handler's writes (outbox appends included) commit
 * in one transaction, so a redelivered event is skipped. A batch commits once; if any event of it fails, the batch
 * rolls back and each event is retried alone, so one bad event never holds back the others. Undecodable or
 * permanently failing events, and transient failures that outlast the retries, go to `<topic>.dlq` with the reason.
 */
export class InboxConsumer {
  private readonly logger = new Logger('InboxConsumer');

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly onCommitted: () => void = () => undefined,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  async consumeBatch<T extends Topic, P>(topic: T, messages: IncomingMessage[], handlerLike: HandlerLike<T, P>): Promise<void> {
    const handler = asHandler(handlerLike);
    const events: Decoded<T>[] = [];
    for (const message of messages) {
      const decoded = await this.decode(topic, message);
      if (decoded) events.push(decoded);
    }
    const fresh = await this.unprocessed(events);
    if (!fresh.length) return;
    if (fresh.length > 1) {
      try {
        // Applied in key order (stable, so one aggregate's events keep their order): concurrent batches then lock the
        // same rows in the same order and cannot deadlock each other.
        fresh.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        const prepared = await mapBounded(fresh, PREPARE_CONCURRENCY, (e) => (handler.prepare ? handler.prepare(e.payload, e.meta) : Promise.resolve(undefined as P)));
        await withEventSpan(topic, fresh.map((e) => e.message), () => this.dataSource.transaction(async (em) => {
          const inserted = await this.claim(em, topic, fresh);
          const mine = fresh.map((e, i) => ({ ...e, prepared: prepared[i] })).filter((e) => inserted.has(e.meta.eventId));
          if (handler.applyBatch) await handler.applyBatch(mine, em);
          else for (const e of mine) await handler.apply(e.payload, { em, meta: e.meta, key: e.key }, e.prepared);
        }));
        this.onCommitted();
        return;
      } catch (err) {
        // Isolate the failing event: retry or dead-letter it alone, and let the others through.
        this.logger.warn(`${topic}: batch of ${fresh.length} rolled back (${(err as Error).message}); applying one by one`);
      }
    }
    for (const event of fresh) await this.consumeOne(topic, event, handler);
  }

  private consumeOne<T extends Topic, P>(topic: T, event: Decoded<T>, handler: EventHandler<T, P>): Promise<void> {
    return withCorrelationId(event.meta.correlationId, () => this.consumeOneCorrelated(topic, event, handler));
  }

  private async consumeOneCorrelated<T extends Topic, P>(topic: T, event: Decoded<T>, handler: EventHandler<T, P>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await withEventSpan(topic, [event.message], async () => {
          const prepared = handler.prepare ? await handler.prepare(event.payload, event.meta) : (undefined as P);
          await this.dataSource.transaction(async (em) => {
            const inserted = await this.claim(em, topic, [event]);
            if (inserted.size) await handler.apply(event.payload, { em, meta: event.meta, key: event.key }, prepared);
          });
        });
        this.onCommitted();
        return;
      } catch (err) {
        const code = err instanceof DomainError ? err.code : 'HANDLER_FAILED';
        if (isPermanent(err) || attempt >= this.retry.attempts) {
          this.logger.warn(`${topic} ${event.meta.eventId} → DLQ after ${attempt} attempt(s): ${(err as Error).message}`);
          await this.deadLetters.publish(topic, event.message, code, (err as Error).message);
          return;
        }
        await new Promise((r) => setTimeout(r, this.backoff(attempt)));
      }
    }
  }

  private async decode<T extends Topic>(topic: T, message: IncomingMessage): Promise<Decoded<T> | null> {
    try {
      const value = typeof message.value === 'string' ? Buffer.from(message.value) : message.value;
      if (!value?.length) throw new Error('empty message value');
      const key = message.key == null ? '' : message.key.toString();
      return { ...decodeEvent(topic, value), message, key };
    } catch (err) {
      await this.deadLetters.publish(topic, message, 'UNDECODABLE', (err as Error).message);
      return null;
    }
  }

  /** Drops events already in the inbox (a cheap read before the work) and duplicates within the batch. */
  private async unprocessed<T extends Topic>(events: Decoded<T>[]): Promise<Decoded<T>[]> {
    const unique = [...new Map(events.map((e) => [e.meta.eventId, e])).values()];
    if (!unique.length) return [];
    const done: Array<{ event_id: string }> = await preparedQuery(
      this.dataSource,
      'inbox-seen',
      'SELECT event_id FROM inbox WHERE event_id = ANY($1::uuid[])',
      [unique.map((e) => e.meta.eventId)],
    );
    const seen = new Set(done.map((r) => r.event_id));
    return unique.filter((e) => !seen.has(e.meta.eventId));
  }

  /** Inserts the inbox rows; returns the ids this transaction owns (a concurrent redelivery gets none). */
  private async claim<T extends Topic>(em: EntityManager, topic: T, events: Decoded<T>[]): Promise<Set<string>> {
    const rows: Array<{ event_id: string }> = await preparedQuery(
      em,
      'inbox-claim',
      `INSERT INTO inbox (event_id, topic) SELECT unnest($1::uuid[]), $2 ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
      [events.map((e) => e.meta.eventId), topic],
    );
    return new Set(rows.map((r) => r.event_id));
  }

  private backoff(attempt: number): number {
    const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return delay / 2 + Math.random() * (delay / 2);
  }
}
