import { decodeEvent, type DecodedEvent, type Topic } from '@edu/contracts';
import { outboxRowsOf, type EventContext } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import type { KeyObject } from 'node:crypto';
import { KeyStore, SoftwareKeyStore, type CustodyKeyAlgorithm, type NewCustodyKey } from '../modules/custody/key-store.js';

/** Counts how often envelopes are opened, which is what the signer cache exists to avoid. */
export class CountingKeyStore extends KeyStore {
  opened = 0;
  created = 0;
  constructor(readonly inner: SoftwareKeyStore) {
    super();
  }
  async create(algorithm: CustodyKeyAlgorithm): Promise<NewCustodyKey> {
    this.created++;
    return this.inner.create(algorithm);
  }
  async open(handle: string): Promise<KeyObject> {
    this.opened++;
    return this.inner.open(handle);
  }
}

/** An EntityManager that records SQL; answers with empty rows. Enough for OutboxWriter and SQL-free handlers. */
export function recordingContext(eventId = '0199a000-0000-7000-8000-000000000001'): EventContext & { sql: Array<{ text: string; params: unknown[] }> } {
  const sql: Array<{ text: string; params: unknown[] }> = [];
  // A prepared statement (preparedQuery) arrives as { name, text }.
  const em = {
    query: async (q: string | { text: string }, params: unknown[] = []) => (sql.push({ text: typeof q === 'string' ? q : q.text, params }), []),
  } as unknown as EntityManager;
  return {
    em,
    sql,
    key: '',
    meta: { eventId, type: 'x' as Topic, occurredAt: new Date(), correlationId: 'corr-1', causationId: '', producer: 'test' },
  };
}

/** The events an OutboxWriter appended through `recordingContext`, decoded. */
export function outboxEvents<T extends Topic>(ctx: ReturnType<typeof recordingContext>, topic: T): Array<DecodedEvent<T> & { key: string }> {
  return ctx.sql
    .filter((q) => q.text.startsWith('INSERT INTO outbox'))
    .flatMap((q) => outboxRowsOf(q.params).flatMap((r) => (r.topic === topic ? [{ ...decodeEvent(topic, r.payload), key: r.key }] : [])));
}

/** For specs about institutions' seals: the department's time-stamping unit is not what they test. */
export const noTimeStampUnit = { requestKeyIfMissing: async () => undefined };
