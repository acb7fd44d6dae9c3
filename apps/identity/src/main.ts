import { startService } from '@edu/bootstrap';
import { loadIdentityConfig } from './config.js';
import { IdentityModule } from './identity.module.js';

const config = loadIdentityConfig();
await startService({
  name: 'identity',
  title: 'edu-interop identity',
  module: IdentityModule.forRoot(config),
  port: config.PORT,
  consumerBrokers: config.KAFKA_BROKERS,
});
