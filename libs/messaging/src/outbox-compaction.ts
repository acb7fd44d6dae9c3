import { decodeEvent, encodeEnvelope, type EventPayload, type EventPayloadInit, type Topic } from '@edu/contracts';
import type { EntityManager } from 'typeorm';

/**
 * An event stored in the outbox smaller than it is sent, because rows written in the same transaction hold the rest
 * (a signed record's signatures, ~36 KB, are already in the signing service's own table). The writer stores
 * `compact`'s form and keeps the full payload for its own relay (OutboxPayloads); a relay that reads the stored form
 * back `expand`s it first, so consumers always receive the full event. Expanding must succeed for any stored form:
 * what it reads was committed with the outbox row and is never deleted.
 */
export interface OutboxCompaction<T extends Topic = Topic> {
  readonly topic: T;
  /** The payload as stored. */
  compact(payload: EventPayloadInit<T>): EventPayloadInit<T>;
  /** Completes stored payloads read back, in place, inside the relay's transaction. */
  expand(em: EntityManager, payloads: Array<EventPayload<T>>): Promise<void>;
}

/** The compactions by topic; at most one per topic. */
export function compactionsByTopic(compactions: readonly OutboxCompaction[]): Map<string, OutboxCompaction> {
  const byTopic = new Map<string, OutboxCompaction>();
  for (const c of compactions) {
    if (byTopic.has(c.topic)) throw new Error(`two outbox compactions for ${c.topic}`);
    byTopic.set(c.topic, c);
  }
  return byTopic;
}

/** The full envelopes of stored payloads of one topic, in the same order. */
export async function expandStored(em: EntityManager, compaction: OutboxCompaction, stored: Buffer[]): Promise<Buffer[]> {
  const events = stored.map((bytes) => decodeEvent(compaction.topic, bytes));
  await compaction.expand(em, events.map((e) => e.payload));
  return events.map((e) => Buffer.from(encodeEnvelope(e.meta, e.payload as EventPayloadInit<Topic>)));
}
