import { Transport, type KafkaOptions } from '@nestjs/microservices';
import { logLevel, Partitioners } from 'kafkajs';

/**
 * Options for a service's Kafka consumer through Nest's transport. Values stay binary (protobuf envelopes); Nest
 * appends `-server` to the group id. Partitions are consumed concurrently; order holds within each partition.
 */
export function kafkaConsumerOptions(service: string, brokers: string[]): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      client: { clientId: `${service}-consumer`, brokers, logLevel: logLevel.WARN },
      consumer: { groupId: service, sessionTimeout: 30_000, heartbeatInterval: 3_000, allowAutoTopicCreation: false },
      producer: { createPartitioner: Partitioners.DefaultPartitioner },
      subscribe: { fromBeginning: true },
      run: { partitionsConsumedConcurrently: 6, autoCommitInterval: 1_000 },
      parser: { keepBinary: true },
      producerOnlyMode: false,
    },
  };
}
