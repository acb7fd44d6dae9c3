import { startService } from '@edu/bootstrap';
import { loadInterchangeConfig } from './config.js';
import { InterchangeModule } from './interchange.module.js';

const config = loadInterchangeConfig();
await startService({
  name: 'interchange',
  title: 'edu-interop interchange',
  module: InterchangeModule.forRoot(config),
  port: config.PORT,
  consumerBrokers: config.KAFKA_BROKERS,
  jsonLimit: config.MAX_BODY,
  largeBodies: { threshold: 1024 * 1024, concurrent: config.LARGE_BODY_CONCURRENCY, queue: 64 },
});
