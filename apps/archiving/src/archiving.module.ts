import { authProviders } from '@edu/auth';
import { MessagingModule } from '@edu/messaging';
import { PersistenceModule } from '@edu/persistence';
import { ObjectStore, objectStoreProvider } from '@edu/storage';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ARCHIVING_CONFIG, type ArchivingConfig } from './config.js';
import { ARCHIVING_MIGRATIONS } from './migrations/index.js';
import { ArchiveModule } from './modules/archive/archive.module.js';

@Global()
@Module({})
export class ArchivingModule {
  static forRoot(config: ArchivingConfig): DynamicModule {
    return {
      module: ArchivingModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, schema: 'archiving', migrations: ARCHIVING_MIGRATIONS }),
        MessagingModule.forRoot({ service: 'archiving', brokers: config.KAFKA_BROKERS }),
        ArchiveModule,
      ],
      providers: [
        { provide: ARCHIVING_CONFIG, useValue: config },
        ...authProviders(config.IDENTITY_URL),
        objectStoreProvider(config),
      ],
      exports: [ARCHIVING_CONFIG, ObjectStore],
    };
  }
}
