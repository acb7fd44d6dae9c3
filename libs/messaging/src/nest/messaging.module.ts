import {
  Global,
  Inject,
  Injectable,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DeadLetterPublisher } from '../dead-letter-publisher.js';
import { InboxConsumer } from '../inbox-consumer.js';
import { KafkaPublisher } from '../kafka-publisher.js';
import type { OutboxCompaction } from '../outbox-compaction.js';
import { OutboxPayloads } from '../outbox-payloads.js';
import { OutboxRelay } from '../outbox-relay.js';
import { OutboxWriter } from '../outbox-writer.js';

export interface MessagingOptions {
  /** The producing service's name, e.g. `interchange`: it goes in every envelope. */
  service: string;
  brokers: string[];
  /** Events stored smaller than they are sent (see OutboxCompaction). */
  compactions?: OutboxCompaction[];
}

const OPTIONS = Symbol('MessagingOptions');

/** Starts the relay once the app is up and stops it, then the producer, on shutdown. */
@Injectable()
class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(KafkaPublisher) private readonly publisher: KafkaPublisher,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}

@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: OPTIONS, useValue: options },
        {
          provide: KafkaPublisher,
          useFactory: async (o: MessagingOptions) => {
            const publisher = new KafkaPublisher(o.brokers, `${o.service}-publisher`);
            await publisher.connect();
            return publisher;
          },
          inject: [OPTIONS],
        },
        { provide: OutboxPayloads, useValue: new OutboxPayloads() },
        { provide: OutboxWriter, useFactory: (o: MessagingOptions, payloads: OutboxPayloads) => new OutboxWriter(o.service, payloads, o.compactions), inject: [OPTIONS, OutboxPayloads] },
        {
          provide: OutboxRelay,
          useFactory: (ds: DataSource, p: KafkaPublisher, payloads: OutboxPayloads, o: MessagingOptions) => new OutboxRelay(ds, p, undefined, payloads, o.compactions),
          inject: [DataSource, KafkaPublisher, OutboxPayloads, OPTIONS],
        },
        {
          provide: DeadLetterPublisher,
          useFactory: (p: KafkaPublisher, o: MessagingOptions) => new DeadLetterPublisher(p, o.service),
          inject: [KafkaPublisher, OPTIONS],
        },
        {
          provide: InboxConsumer,
          useFactory: (ds: DataSource, dlq: DeadLetterPublisher, relay: OutboxRelay) => new InboxConsumer(ds, dlq, () => relay.nudge()),
          inject: [DataSource, DeadLetterPublisher, OutboxRelay],
        },
        MessagingLifecycle,
      ],
      exports: [KafkaPublisher, OutboxWriter, OutboxRelay, InboxConsumer, DeadLetterPublisher],
    };
  }
}
