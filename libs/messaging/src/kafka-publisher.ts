import { CompressionTypes, Kafka, logLevel, Partitioners, type Message, type Producer } from 'kafkajs';
// kafkajs 2.2.4 as this library uses it: no spinning request-queue timer, produce requests built by reference and
// checked with a native CRC-32C.
import './kafka-request-queue.js';
import './kafka-encoder.js';
import './kafka-crc32c.js';

export interface OutgoingMessage {
  topic: string;
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/**
 * The most one produce request carries. Kafka refuses a partition's record batch over `message.max.bytes` (1 MiB by
 * default); a relay batch of signed documents (three B-LT signatures, ~45 KB each) passes that long before the row
 * limit, so sends are cut by size as well.
 */
export const MAX_REQUEST_BYTES = 768 * 1024;

/** Consecutive runs of messages of at most `maxBytes` (key, value and headers), in order; a bigger message goes alone. */
export function chunksBySize<T extends Pick<OutgoingMessage, 'key' | 'value' | 'headers'>>(messages: T[], maxBytes = MAX_REQUEST_BYTES): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const m of messages) {
    const bytes = m.value.length + Buffer.byteLength(m.key) + Object.entries(m.headers).reduce((n, [k, v]) => n + k.length + v.length, 0) + 64;
    if (current.length && size + bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(m);
    size += bytes;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * The one idempotent producer of a service. With idempotence and one request in flight, a retried send never
 * duplicates or reorders messages on a partition.
 */
export class KafkaPublisher {
  private readonly producer: Producer;

  constructor(brokers: string[], clientId: string) {
    const kafka = new Kafka({ clientId, brokers, logLevel: logLevel.WARN });
    this.producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  /** Sends in order, one request per size chunk, so that a partition's messages keep their order. */
  async send(messages: OutgoingMessage[]): Promise<void> {
    for (const chunk of chunksBySize(messages)) {
      const byTopic = new Map<string, Message[]>();
      for (const m of chunk) {
        const list = byTopic.get(m.topic) ?? [];
        list.push({ key: m.key, value: m.value, headers: m.headers });
        byTopic.set(m.topic, list);
      }
      await this.producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, msgs]) => ({ topic, messages: msgs })),
      });
    }
  }
}
