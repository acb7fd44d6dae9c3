import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
// As telemetry runs in the services: require-in-the-middle watches kafkajs and keeps the exports of every file of it.
const { Hook } = require('require-in-the-middle') as { Hook: new (modules: string[], onRequire: (exports: unknown) => unknown) => unknown };
new Hook(['kafkajs'], (exports) => exports);
const { nativeCrc, useKafkaCrc32c } = await import('./kafka-crc32c.js');
const kafkajsCrc = require('kafkajs/src/protocol/recordBatch/crc32C/index.js') as (buffer: Buffer) => number;
type Batch = { buffer: Buffer };
const { RecordBatch } = require('kafkajs/src/protocol/recordBatch/v0/index.js') as { RecordBatch: (args: object) => Promise<Batch> };

const bytes = (length: number, seed: number) => Buffer.from(Array.from({ length }, (_, i) => (i * 131 + seed * 7) & 0xff));

/** A record batch as kafkajs builds it for a produce request: two signed documents' worth of values. */
function batch(): Promise<Batch> {
  const records = [35_000, 17].map((length, i) => ({ key: `doc-${i}`, value: bytes(length, i), headers: { 'event-type': 'signing.document-signed.v1' }, timestamp: 1_765_000_000_000 + i }));
  const record = require('kafkajs/src/protocol/recordBatch/record/v0/index.js') as (r: object) => unknown;
  return RecordBatch({ firstTimestamp: 1_765_000_000_000, maxTimestamp: 1_765_000_000_001, lastOffsetDelta: 1, records: records.map((r, offsetDelta) => record({ ...r, offsetDelta, timestampDelta: offsetDelta })) });
}

describe("kafkajs's CRC-32C", () => {
  afterEach(() => {
    useKafkaCrc32c('native');
    vi.restoreAllMocks();
  });

  it('is the standard CRC-32C (check value of "123456789")', () => {
    expect(kafkajsCrc(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('gives what kafkajs computes in JavaScript, for empty, odd-length, offset views and large buffers', () => {
    const big = bytes(1 << 20, 3);
    const cases = [Buffer.alloc(0), bytes(1, 1), bytes(7, 2), bytes(4099, 5), big, big.subarray(13, 70_013)];
    const ours = cases.map((b) => kafkajsCrc(b));
    useKafkaCrc32c('kafkajs');
    expect(cases.map((b) => kafkajsCrc(b))).toEqual(ours);
  });

  it("is what kafkajs's record batch uses, with the same bytes as kafkajs's own checksum", async () => {
    const watch = vi.spyOn(nativeCrc, 'crc32c');
    const ours = await batch();
    expect(watch).toHaveBeenCalledTimes(1);
    expect(watch.mock.calls[0][0].length).toBeGreaterThan(35_000);
    useKafkaCrc32c('kafkajs');
    const theirs = await batch();
    expect(watch).toHaveBeenCalledTimes(1);
    expect(ours.buffer.equals(theirs.buffer)).toBe(true);
  });
});
