import { deadLetterTopic, type Topic } from '@edu/contracts';
import type { IncomingMessage } from './incoming-message.js';
import type { KafkaPublisher } from './kafka-publisher.js';

export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  code: 'dlq-code',
  originalTopic: 'dlq-original-topic',
  originalPartition: 'dlq-original-partition',
  originalOffset: 'dlq-original-offset',
  failedAt: 'dlq-failed-at',
  service: 'dlq-service',
} as const;

/** Sends the original bytes, key and headers to `<topic>.dlq`, with why it failed, so an operator can replay it. */
export class DeadLetterPublisher {
  constructor(
    private readonly publisher: KafkaPublisher,
    private readonly service: string,
  ) {}

  async publish(topic: Topic, message: IncomingMessage, code: string, reason: string): Promise<void> {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) {
      if (value != null) headers[name] = value.toString();
    }
    Object.assign(headers, {
      [DLQ_HEADERS.reason]: reason.slice(0, 2000),
      [DLQ_HEADERS.code]: code,
      [DLQ_HEADERS.originalTopic]: topic,
      [DLQ_HEADERS.originalPartition]: String(message.partition ?? ''),
      [DLQ_HEADERS.originalOffset]: message.offset,
      [DLQ_HEADERS.failedAt]: new Date().toISOString(),
      [DLQ_HEADERS.service]: this.service,
    });
    const value = message.value == null ? Buffer.alloc(0) : Buffer.from(message.value);
    await this.publisher.send([
      { topic: deadLetterTopic(topic), key: message.key?.toString() ?? '', value, headers },
    ]);
  }
}
