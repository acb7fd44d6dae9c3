import { decodeEvent, encodeEvent, Topics } from '@edu/contracts';
import { DomainError } from '@edu/errors';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../test/support/stack.js';
import type { DeadLetterPublisher } from './dead-letter-publisher.js';
import { InboxConsumer } from './inbox-consumer.js';
import type { IncomingMessage } from './incoming-message.js';
import { KafkaPublisher } from './kafka-publisher.js';
import { CreateMessagingTables1763900000000 } from './messaging-tables.migration.js';
import type { OutboxCompaction } from './outbox-compaction.js';
import { OutboxPayloads } from './outbox-payloads.js';
import { OutboxRelay } from './outbox-relay.js';
import { OutboxWriter } from './outbox-writer.js';
import { openServiceDataSource } from '@edu/persistence';

const env = stackEnv();
const brokers = (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const schema = `itest_messaging_${randomUUID().slice(0, 8)}`;

/** The outbox relay and the inbox against the real PostgreSQL and Kafka, in a throwaway schema and topic. */
describe('messaging against PostgreSQL and Kafka', () => {
  let ds: DataSource;
  let publisher: KafkaPublisher;
  const kafka = new Kafka({ clientId: 'itest-messaging', brokers, logLevel: logLevel.NOTHING });

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: [CreateMessagingTables1763900000000], poolSize: 4 });
    publisher = new KafkaPublisher(brokers, 'itest-messaging');
    await publisher.connect();
  });

  afterAll(async () => {
    await publisher.disconnect();
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  async function newTopic(): Promise<string> {
    const topic = `itest.relay.${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 3, replicationFactor: 1 }], waitForLeaders: true });
    await admin.disconnect();
    return topic;
  }

  const insertOutbox = (topic: string, key: string, payload: Buffer) =>
    ds.query('INSERT INTO outbox (event_id, topic, key, payload, headers) VALUES ($1, $2, $3, $4, $5)', [randomUUID(), topic, key, payload, { 'event-type': topic }]);

  /** The first `n` messages the relay put on `topic`, in the order they arrive (each partition's in its order). */
  async function readMessages(topic: string, n: number): Promise<Array<{ key: string; value: Buffer }>> {
    const consumer = kafka.consumer({ groupId: `itest-${randomUUID()}`, maxBytes: 4 << 20 });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const messages: Array<{ key: string; value: Buffer }> = [];
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out reading the relay topic')), 30_000);
        void consumer.run({
          eachMessage: async ({ message }) => {
            messages.push({ key: message.key!.toString(), value: message.value! });
            if (messages.length === n) {
              clearTimeout(timer);
              resolve();
            }
          },
        });
      });
    } finally {
      await consumer.disconnect();
    }
    return messages;
  }

  it('publishes committed outbox rows once each, in order per key, and empties the outbox', async () => {
    const topic = await newTopic();
    const keys = ['k1', 'k2', 'k3'];
    for (let i = 0; i < 60; i++) await insertOutbox(topic, keys[i % 3], Buffer.from(String(i)));
    const relay = new OutboxRelay(ds, publisher, { batchSize: 25, maxBytes: 1 << 20, idleMs: 50, errorBackoffMs: 100 });
    let total = 0;
    for (let n = await relay.publishBatch(); n > 0; n = await relay.publishBatch()) total += n;
    expect(total).toBe(60);
    expect(await ds.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);

    const seen = new Map<string, number[]>();
    for (const m of await readMessages(topic, 60)) seen.set(m.key, [...(seen.get(m.key) ?? []), Number(m.value.toString())]);
    for (const [i, key] of keys.entries()) {
      expect(seen.get(key)).toEqual(Array.from({ length: 20 }, (_, j) => i + 3 * j));
    }
  });

  it('cuts a batch at maxBytes of payload, sending a larger row alone, in order', async () => {
    const topic = await newTopic();
    const sizes = [250_000, 40_000, 40_000, 40_000, 40_000, 40_000, 10];
    for (const [i, size] of sizes.entries()) await insertOutbox(topic, 'k', Buffer.alloc(size, i));
    const relay = new OutboxRelay(ds, publisher, { batchSize: 500, maxBytes: 100_000, idleMs: 50, errorBackoffMs: 100 });
    const batches: number[] = [];
    for (let n = await relay.publishBatch(); n > 0; n = await relay.publishBatch()) batches.push(n);
    // 250,000 alone; then rows while the bytes before them stay under 100,000: 40k+40k+40k, then 40k+40k+10.
    expect(batches).toEqual([1, 3, 3]);
    expect(await ds.query('SELECT count(*)::int AS n FROM outbox')).toEqual([{ n: 0 }]);

    const seen = (await readMessages(topic, sizes.length)).map((m) => [m.value.length, m.value[0]]);
    expect(seen).toEqual(sizes.map((size, i) => [size, i]));
  });

  it('sends payloads this process wrote from memory and reads the others from the table', async () => {
    const topic = await newTopic();
    const payloads = new OutboxPayloads();
    const writer = new OutboxWriter('itest', payloads);
    const event = (className: string) => ({ key: 'k', event: { type: Topics.DocumentSubmitted, payload: { documentId: randomUUID(), className } } });
    const [remembered] = await ds.transaction((em) => writer.appendMany(em, [event('from memory')]));
    await ds.transaction((em) => new OutboxWriter('itest').appendMany(em, [event('from the table')]));
    // Rewritten behind the writer's back: only a payload taken from memory still decodes to what was appended.
    await ds.query(`UPDATE outbox SET topic = $1, payload = CASE WHEN event_id = $2 THEN '\\x00'::bytea ELSE payload END`, [topic, remembered.eventId]);
    const relay = new OutboxRelay(ds, publisher, { batchSize: 500, maxBytes: 1 << 20, idleMs: 50, errorBackoffMs: 100 }, payloads);
    expect(await relay.publishBatch()).toBe(2);
    expect(payloads.size.events).toBe(0);

    const classes = (await readMessages(topic, 2)).map((m) => decodeEvent(Topics.DocumentSubmitted, m.value).payload.className);
    expect(classes).toEqual(['from memory', 'from the table']);
  });

  it('stores a compacted event without what other rows hold, and sends it whole from memory or from the table', async () => {
    const topic = await newTopic();
    const cmsOf = (documentId: string, index: number) => Buffer.from(`signature ${index} over ${documentId}`);
    const expanded: string[] = [];
    const compaction: OutboxCompaction<typeof Topics.DocumentSigned> = {
      topic: Topics.DocumentSigned,
      compact: (p) => ({ ...p, signatures: (p.signatures ?? []).map((s) => ({ ...s, cms: new Uint8Array() })) }) as typeof p,
      expand: async (_em, stored) => {
        for (const p of stored) for (const s of p.signatures) s.cms = cmsOf(p.documentId, s.index);
        expanded.push(...stored.map((p) => p.documentId));
      },
    };
    const signed = () => {
      const documentId = randomUUID();
      return { key: documentId, event: { type: Topics.DocumentSigned, payload: { documentId, signatures: [1, 2].map((index) => ({ index, cms: cmsOf(documentId, index) })) } } };
    };
    const [inMemory, inTable] = [signed(), signed()];
    const payloads = new OutboxPayloads();
    const written = [
      ...(await ds.transaction((em) => new OutboxWriter('itest', payloads, [compaction]).appendMany(em, [inMemory]))),
      ...(await ds.transaction((em) => new OutboxWriter('itest', undefined, [compaction]).appendMany(em, [inTable]))),
    ];
    const rows: Array<{ payload: Buffer }> = await ds.query('SELECT payload FROM outbox WHERE event_id = ANY($1::uuid[]) ORDER BY id', [written.map((m) => m.eventId)]);
    expect(rows.map((r) => decodeEvent(Topics.DocumentSigned, r.payload).payload.signatures.map((s) => s.cms.length))).toEqual([[0, 0], [0, 0]]);

    await ds.query('UPDATE outbox SET topic = $1', [topic]);
    const relay = new OutboxRelay(ds, publisher, { batchSize: 500, maxBytes: 1 << 20, idleMs: 50, errorBackoffMs: 100 }, payloads, [compaction]);
    expect(await relay.publishBatch()).toBe(2);
    expect(expanded).toEqual([inTable.key]);
    const sent = (await readMessages(topic, 2)).map((m) => decodeEvent(Topics.DocumentSigned, m.value));
    // Two keys, so maybe two partitions: no order between them.
    expect(sent.map((e) => e.meta.eventId).sort()).toEqual(written.map((m) => m.eventId).sort());
    for (const { payload } of sent) expect(payload.signatures.map((s) => Buffer.from(s.cms).toString())).toEqual([1, 2].map((i) => cmsOf(payload.documentId, i).toString()));
  });

  it('applies each event once across redeliveries and isolates a failing one in a batch', async () => {
    const dead: Array<{ key: string; code: string }> = [];
    const deadLetters = { publish: async (_t: string, m: IncomingMessage, code: string) => void dead.push({ key: String(m.key), code }) } as unknown as DeadLetterPublisher;
    const inbox = new InboxConsumer(ds, deadLetters, () => undefined, { attempts: 2, baseDelayMs: 10, maxDelayMs: 20 });
    await ds.query('CREATE TABLE applied (document_id text NOT NULL)');
    const message = (id: string, offset: number): IncomingMessage => ({
      key: id,
      value: Buffer.from(encodeEvent({ type: Topics.DocumentArchived, producer: 'itest', payload: { documentId: id } }).bytes),
      offset: String(offset),
      partition: 0,
    });
    const apply = async (e: { documentId: string }, ctx: { em: { query: DataSource['query'] } }) => {
      if (e.documentId === 'poison') throw new DomainError('ITEST.BAD', 'invalid', { vi: 'hỏng', en: 'bad' });
      await ctx.em.query('INSERT INTO applied (document_id) VALUES ($1)', [e.documentId]);
    };
    const a = message('a', 1);
    const b = message('b', 2);
    await inbox.consumeBatch(Topics.DocumentArchived, [a, b, a], apply);
    await inbox.consumeBatch(Topics.DocumentArchived, [b, a], apply);
    await inbox.consumeBatch(Topics.DocumentArchived, [message('c', 3), message('poison', 4), message('d', 5)], apply);
    await inbox.consumeBatch(Topics.DocumentArchived, [{ key: 'junk', value: Buffer.from('not an envelope'), offset: '6' }], apply);

    const rows: Array<{ document_id: string }> = await ds.query('SELECT document_id FROM applied ORDER BY document_id');
    expect(rows.map((r) => r.document_id)).toEqual(['a', 'b', 'c', 'd']);
    expect(dead).toEqual([{ key: 'poison', code: 'ITEST.BAD' }, { key: 'junk', code: 'UNDECODABLE' }]);
  });

  it('appends small events in one array statement and large ones as binary rows, keeping order and bytes', async () => {
    const writer = new OutboxWriter('itest');
    const submitted = (i: number, size: number) => ({
      key: `doc-${i}`,
      event: { type: Topics.DocumentSubmitted, payload: { documentId: randomUUID(), className: `${i}`, content: { inline: randomBytes(size) } } },
    });
    const small = Array.from({ length: 3 }, (_, i) => submitted(i, 100));
    const large = Array.from({ length: 600 }, (_, i) => submitted(3 + i, 3_000)); // two statements of at most 500 rows
    await ds.transaction((em) => writer.appendMany(em, small));
    await ds.transaction((em) => writer.appendMany(em, large));
    const rows: Array<{ key: string; payload: Buffer }> = await ds.query('SELECT key, payload FROM outbox ORDER BY id');
    expect(rows.map((r) => r.key)).toEqual([...small, ...large].map((e) => e.key));
    for (const [i, row] of rows.entries()) {
      const decoded = decodeEvent(Topics.DocumentSubmitted, row.payload);
      expect(Buffer.from(decoded.payload.content!.inline).equals([...small, ...large][i].event.payload.content.inline)).toBe(true);
    }
    await ds.query('DELETE FROM outbox');
  });

  it('writes a row and its event with one statement, neither when the write returns no row or fails', async () => {
    const payloads = new OutboxPayloads(1 << 20);
    const writer = new OutboxWriter('itest', payloads);
    await ds.query('CREATE TABLE IF NOT EXISTS itest_records (id text PRIMARY KEY, n int NOT NULL CHECK (n > 0))');
    const write = (id: string, n: number) =>
      writer.appendWith<{ id: string }, typeof Topics.DocumentSubmitted>(
        ds,
        { name: 'itest-record-insert', text: 'INSERT INTO itest_records (id, n) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id', params: [id, n] },
        id,
        { type: Topics.DocumentSubmitted, payload: { documentId: randomUUID(), className: id } },
      );
    expect(await write('r1', 1)).toEqual([{ id: 'r1' }]);
    expect(await write('r1', 2)).toEqual([]); // the key is taken: no row, no event
    await expect(write('r2', 0)).rejects.toMatchObject({ code: '23514' }); // the check fails: nothing written
    const events: Array<{ key: string; event_id: string; payload: Buffer }> = await ds.query('SELECT key, event_id, payload FROM outbox ORDER BY id');
    expect(events.map((e) => [e.key, decodeEvent(Topics.DocumentSubmitted, e.payload).payload.className])).toEqual([['r1', 'r1']]);
    expect(await ds.query('SELECT id, n FROM itest_records')).toEqual([{ id: 'r1', n: 1 }]);
    expect(payloads.take(events[0].event_id)).toBeDefined(); // the relay sends it from memory
    await ds.query('DELETE FROM outbox');
  });
});
