import { startService } from '@edu/bootstrap';
import { loadSigningConfig } from './config.js';
import { SigningModule } from './signing.module.js';

const config = loadSigningConfig();
await startService({
  name: 'signing',
  title: 'edu-interop signing',
  module: SigningModule.forRoot(config),
  port: config.PORT,
  consumerBrokers: config.KAFKA_BROKERS,
});
