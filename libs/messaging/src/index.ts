export * from './kafka-publisher.js';
export * from './outbox-writer.js';
export * from './outbox-relay.js';
export * from './inbox-consumer.js';
export * from './dead-letter-publisher.js';
export * from './messaging-tables.migration.js';
export * from './nest/messaging.module.js';
export * from './nest/kafka-transport.js';
