import type { CustomStrategy, KafkaOptions } from '@nestjs/microservices';
import { logLevel, Partitioners } from 'kafkajs';
import { BatchingKafkaServer } from './batching-kafka.server.js';
// kafkajs 2.2.4 as this library uses it: no spinning request-queue timer, produce requests built by reference.
import '../kafka-request-queue.js';
import '../kafka-encoder.js';

/**
 * A service's Kafka consumer through Nest's transport, batch by batch. Values stay binary (protobuf envelopes); Nest
 * appends `-server` to the group id. Partitions are consumed concurrently; order holds within each partition.
 */
export function kafkaConsumerStrategy(service: string, brokers: string[]): CustomStrategy {
  return { strategy: new BatchingKafkaServer(kafkaConsumerOptions(service, brokers)) };
}

export function kafkaConsumerOptions(service: string, brokers: string[]): Required<KafkaOptions>['options'] {
  return {
    client: { clientId: `${service}-consumer`, brokers, logLevel: logLevel.WARN },
    // A fetch waits up to 100 ms for 64 KiB rather than returning with the first record: under load each batch (one
    // transaction) carries more records. Idle, a record waits at most that long.
    consumer: { groupId: service, sessionTimeout: 30_000, heartbeatInterval: 3_000, allowAutoTopicCreation: false, minBytes: 64 * 1024, maxWaitTimeInMs: 100 },
    producer: { createPartitioner: Partitioners.DefaultPartitioner },
    subscribe: { fromBeginning: true },
    run: { partitionsConsumedConcurrently: 6, autoCommitInterval: 1_000 },
    parser: { keepBinary: true },
    producerOnlyMode: false,
  };
}
