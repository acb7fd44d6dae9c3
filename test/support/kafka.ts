// The services' kafkajs fixes (no request queue spinning every millisecond), for the tests' own clients too.
import '@edu/messaging';
import { Kafka, logLevel, Partitioners, type KafkaMessage } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { ENV } from './stack.js';

const kafka = () => new Kafka({ clientId: `e2e-${randomUUID().slice(0, 8)}`, brokers: (ENV.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','), logLevel: logLevel.NOTHING });

export async function produceRaw(topic: string, messages: Array<{ key: string; value: Buffer; headers?: Record<string, string> }>): Promise<void> {
  const producer = kafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
}

/** The next offset of every partition of `topic`: read from here to see only what comes after this moment. */
export async function topicEnds(topic: string): Promise<Array<{ partition: number; offset: string }>> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    return (await admin.fetchTopicOffsets(topic)).map((p) => ({ partition: p.partition, offset: p.offset }));
  } finally {
    await admin.disconnect();
  }
}

/**
 * Reads `topic` with a throwaway group, from the beginning or from `from` (see topicEnds), until `want` holds for
 * the collected messages.
 */
export async function consumeUntil(
  topic: string,
  want: (messages: KafkaMessage[]) => boolean,
  timeoutMs = 60_000,
  from?: Array<{ partition: number; offset: string }>,
): Promise<KafkaMessage[]> {
  const consumer = kafka().consumer({ groupId: `e2e-${randomUUID()}` });
  const seen: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<KafkaMessage[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out reading ${topic}: ${seen.length} messages seen`)), timeoutMs);
      void consumer
        .run({
          eachMessage: async ({ message }) => {
            seen.push(message);
            if (want(seen)) {
              clearTimeout(timer);
              resolve(seen);
            }
          },
        })
        .then(() => {
          for (const p of from ?? []) consumer.seek({ topic, partition: p.partition, offset: p.offset });
        });
    });
  } finally {
    await consumer.disconnect();
  }
}

export const header = (m: KafkaMessage, name: string) => m.headers?.[name]?.toString();
