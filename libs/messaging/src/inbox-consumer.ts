import { decodeEvent, type EventMeta, type EventPayload, type Topic } from '@edu/contracts';
import { DomainError, isPermanent } from '@edu/errors';
import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { DeadLetterPublisher } from './dead-letter-publisher.js';
import type { IncomingMessage } from './incoming-message.js';

export interface EventContext {
  em: EntityManager;
  meta: EventMeta;
  key: string;
}

export type EventHandler<T extends Topic> = (payload: EventPayload<T>, ctx: EventContext) => Promise<void>;

export interface RetryPolicy {
  /** Attempts for a transient failure before the message goes to the DLQ. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 8, baseDelayMs: 100, maxDelayMs: 5_000 };

/**
 * Runs a handler exactly once per event id: the inbox row and the handler's writes (including outbox appends)
 * commit in one transaction, so a redelivered event is skipped. Undecodable or permanently failing messages, and
 * transient failures that outlast the retries, go to `<topic>.dlq` with the reason; the partition moves on.
 */
export class InboxConsumer {
  private readonly logger = new Logger('InboxConsumer');

  constructor(
    private readonly dataSource: DataSource,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
  ) {}

  async consume<T extends Topic>(topic: T, message: IncomingMessage, handler: EventHandler<T>): Promise<void> {
    let decoded;
    try {
      const value = typeof message.value === 'string' ? Buffer.from(message.value) : message.value;
      if (!value?.length) throw new Error('empty message value');
      decoded = decodeEvent(topic, value);
    } catch (err) {
      await this.deadLetters.publish(topic, message, 'UNDECODABLE', (err as Error).message);
      return;
    }
    const { meta, payload } = decoded;
    const key = message.key == null ? '' : message.key.toString();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.dataSource.transaction(async (em) => {
          const inserted = await em.query(
            'INSERT INTO inbox (event_id, topic) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING RETURNING event_id',
            [meta.eventId, topic],
          );
          if (!inserted.length) return; // already processed: a redelivery after a crash or rebalance
          await handler(payload, { em, meta, key });
        });
        return;
      } catch (err) {
        const code = err instanceof DomainError ? err.code : 'HANDLER_FAILED';
        if (isPermanent(err) || attempt >= this.retry.attempts) {
          this.logger.warn(`${topic} ${meta.eventId} → DLQ after ${attempt} attempt(s): ${(err as Error).message}`);
          await this.deadLetters.publish(topic, message, code, (err as Error).message);
          return;
        }
        await new Promise((r) => setTimeout(r, this.backoff(attempt)));
      }
    }
  }

  private backoff(attempt: number): number {
    const delay = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
    return delay / 2 + Math.random() * (delay / 2);
  }
}
