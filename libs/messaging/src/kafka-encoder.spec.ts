import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { REFERENCE_FROM_BYTES, useKafkaEncoder } from './kafka-encoder.js';

const require = createRequire(import.meta.url);
type Encodable = { apiKey: number; apiVersion: number; encode(): Promise<{ buffer: Buffer }> };
const produce = require('kafkajs/src/protocol/requests/produce/v3/request.js') as (args: object) => Encodable;
const frame = require('kafkajs/src/protocol/request.js') as (args: { correlationId: number; clientId: string; request: Encodable }) => Promise<{ buffer: Buffer; size(): number }>;

const value = (length: number, seed: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff));

/** A produce request as kafkajs's Connection writes it to the socket. */
async function producedBytes(topicData: object[]): Promise<Buffer> {
  const request = produce({ acks: -1, timeout: 30_000, compression: 0, topicData, producerId: 7, producerEpoch: 0, transactionalId: null });
  const framed = await frame({ correlationId: 42, clientId: 'signing', request });
  expect(framed.size()).toBe(framed.buffer.length);
  return framed.buffer;
}

function topics(): object[] {
  const sizes = [0, 10, REFERENCE_FROM_BYTES - 1, REFERENCE_FROM_BYTES, 35_000, 120, 70_000];
  const messages = (p: number) =>
    sizes.map((n, i) => ({ key: i % 3 ? `doc-${p}-${i}` : null, value: value(n, p + i), headers: { 'event-type': 'signing.document-signed.v1', trace: `t${i}` }, timestamp: 1_765_000_000_000 + i }));
  return [
    { topic: 'signing.document-signed.v1', partitions: [{ partition: 0, firstSequence: 3, messages: messages(0) }, { partition: 4, firstSequence: 0, messages: messages(4) }] },
    { topic: 'signing.signature-requested.v1', partitions: [{ partition: 1, firstSequence: 9, messages: messages(1).slice(0, 2) }] },
  ];
}

/** Bytes handed to Buffer.alloc, allocUnsafe and concat while `work` runs. */
async function allocated(work: () => Promise<unknown>): Promise<number> {
  let bytes = 0;
  const spies = (['alloc', 'allocUnsafe'] as const).map((name) => {
    const own = Buffer[name];
    Buffer[name] = ((size: number, ...rest: unknown[]) => ((bytes += size), (own as (...a: unknown[]) => Buffer).call(Buffer, size, ...rest))) as never;
    return () => (Buffer[name] = own as never);
  });
  const concat = Buffer.concat;
  Buffer.concat = ((list: Uint8Array[], total?: number) => ((bytes += total ?? list.reduce((n, b) => n + b.length, 0)), concat.call(Buffer, list, total))) as never;
  try {
    await work();
  } finally {
    spies.forEach((undo) => undo());
    Buffer.concat = concat;
  }
  return bytes;
}

describe('the referencing kafkajs encoder', () => {
  afterEach(() => useKafkaEncoder('referencing'));

  it('produces byte for byte the request kafkajs encodes, across small, boundary and large values', async () => {
    const ours = await producedBytes(topics());
    useKafkaEncoder('kafkajs');
    const theirs = await producedBytes(topics());
    expect(ours.length).toBe(theirs.length);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('allocates about three times the payload of a batch of signed documents, kafkajs over ten times', async () => {
    const batch = [{ topic: 'signing.document-signed.v1', partitions: [{ partition: 0, firstSequence: 0, messages: Array.from({ length: 50 }, (_, i) => ({ key: `d${i}`, value: value(35_000, i) })) }] }];
    const payload = 50 * 35_000;
    const ours = await allocated(() => producedBytes(batch));
    useKafkaEncoder('kafkajs');
    const theirs = await allocated(() => producedBytes(batch));
    expect(ours / payload).toBeLessThan(3.5);
    expect(theirs / payload).toBeGreaterThan(10);
  });
});
