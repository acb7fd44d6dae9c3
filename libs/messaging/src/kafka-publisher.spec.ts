import { describe, expect, it } from 'vitest';
import { chunksBySize } from './kafka-publisher.js';

const message = (n: number, bytes: number) => ({ topic: 't', key: `k${n}`, value: Buffer.alloc(bytes), headers: { 'event-type': 't' } });

describe('chunksBySize: produce requests under the broker limit', () => {
  it('cuts a relay batch of signed documents into in-order chunks below the limit', () => {
    const messages = Array.from({ length: 500 }, (_, n) => message(n, 45_000));
    const chunks = chunksBySize(messages, 768 * 1024);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.flat()).toEqual(messages);
    for (const chunk of chunks) expect(chunk.reduce((n, m) => n + m.value.length, 0)).toBeLessThanOrEqual(768 * 1024);
  });

  it('keeps small batches whole and sends an oversized message alone', () => {
    expect(chunksBySize([message(1, 10), message(2, 10)], 1000)).toHaveLength(1);
    const chunks = chunksBySize([message(1, 10), message(2, 5000), message(3, 10)], 1000);
    expect(chunks.map((c) => c.map((m) => m.key))).toEqual([['k1'], ['k2'], ['k3']]);
  });
});
