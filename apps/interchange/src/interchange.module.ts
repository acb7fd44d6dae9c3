import { authProviders } from '@edu/auth';
import { MessagingModule } from '@edu/messaging';
import { PersistenceModule } from '@edu/persistence';
import { ObjectStore, objectStoreProvider } from '@edu/storage';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { INTERCHANGE_CONFIG, type InterchangeConfig } from './config.js';
import { INTERCHANGE_MIGRATIONS } from './migrations/index.js';
import { DirectoryModule } from './modules/directory/directory.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';

@Global()
@Module({})
export class InterchangeModule {
  static forRoot(config: InterchangeConfig): DynamicModule {
    return {
      module: InterchangeModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, schema: 'interchange', migrations: INTERCHANGE_MIGRATIONS, poolSize: 20 }),
        MessagingModule.forRoot({ service: 'interchange', brokers: config.KAFKA_BROKERS }),
        DirectoryModule,
        DocumentsModule,
      ],
      providers: [
        { provide: INTERCHANGE_CONFIG, useValue: config },
        objectStoreProvider(config),
        ...authProviders(config.IDENTITY_URL),
      ],
      exports: [INTERCHANGE_CONFIG, ObjectStore],
    };
  }
}
