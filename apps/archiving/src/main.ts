import { startService } from '@edu/bootstrap';
import { ArchivingModule } from './archiving.module.js';
import { loadArchivingConfig } from './config.js';

const config = loadArchivingConfig();
await startService({
  name: 'archiving',
  title: 'edu-interop archiving',
  module: ArchivingModule.forRoot(config),
  port: config.PORT,
  consumerBrokers: config.KAFKA_BROKERS,
});
