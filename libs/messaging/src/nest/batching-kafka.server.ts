import { ServerKafka, type KafkaOptions } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload } from 'kafkajs';
import { isObservable, lastValueFrom } from 'rxjs';
import type { IncomingMessage } from '../incoming-message.js';

/** What an `@EventPattern(topic)` handler receives from this transport: a run of messages of one partition. */
export interface EventBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
}

const MAX_BATCH = 200;

/**
 * Nest's Kafka transport, fed batch by batch instead of message by message, so a consumer commits one database
 * transaction per batch. Offsets are resolved only after the handler settles a chunk; order holds per partition.
 */
export class BatchingKafkaServer extends ServerKafka {
  constructor(options: Required<KafkaOptions>['options']) {
    super(options);
  }

  override async bindEvents(consumer: Consumer): Promise<void> {
    const topics = [...this.messageHandlers.keys()].filter((p): p is string => typeof p === 'string');
    if (topics.length) await consumer.subscribe({ ...(this.options.subscribe ?? {}), topics });
    await consumer.run({
      ...(this.options.run ?? {}),
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const handler = this.getHandlerByPattern(batch.topic);
    if (!handler) {
      this.logger.error(`no handler for topic ${batch.topic}; skipping ${batch.messages.length} message(s)`);
      for (const m of batch.messages) resolveOffset(m.offset);
      return;
    }
    for (let i = 0; i < batch.messages.length; i += MAX_BATCH) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages.slice(i, i + MAX_BATCH);
      const data: EventBatch = {
        topic: batch.topic,
        partition: batch.partition,
        messages: chunk.map((m) => ({ key: m.key, value: m.value, headers: m.headers, offset: m.offset, partition: batch.partition })),
      };
      const result = await handler(data);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      resolveOffset(chunk[chunk.length - 1].offset);
      await heartbeat();
    }
  }
}
