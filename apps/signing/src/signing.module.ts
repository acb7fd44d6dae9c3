import { authProviders } from '@edu/auth';
import { MessagingModule } from '@edu/messaging';
import { PersistenceModule } from '@edu/persistence';
import { ObjectStore, objectStoreProvider } from '@edu/storage';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from './config.js';
import { SIGNING_MIGRATIONS } from './migrations/index.js';
import { SealsModule } from './modules/seals/seals.module.js';
import { RenditionsModule } from './modules/renditions/renditions.module.js';
import { DOCUMENT_SIGNED_COMPACTION } from './modules/signatures/document-signed-compaction.js';
import { SignaturesModule } from './modules/signatures/signatures.module.js';
import { ValidationsModule } from './modules/validations/validations.module.js';
import { WorkflowsModule } from './modules/workflows/workflows.module.js';

@Global()
@Module({})
export class SigningModule {
  static forRoot(config: SigningConfig): DynamicModule {
    return {
      module: SigningModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, schema: 'signing', migrations: SIGNING_MIGRATIONS }),
        MessagingModule.forRoot({ service: 'signing', brokers: config.KAFKA_BROKERS, compactions: [DOCUMENT_SIGNED_COMPACTION] }),
        SealsModule,
        SignaturesModule,
        ValidationsModule,
        WorkflowsModule,
        RenditionsModule,
      ],
      providers: [
        { provide: SIGNING_CONFIG, useValue: config },
        ...authProviders(config.IDENTITY_URL),
        objectStoreProvider(config),
      ],
      exports: [SIGNING_CONFIG, ObjectStore],
    };
  }
}
