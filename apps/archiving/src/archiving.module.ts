import { AuthGuard, TokenVerifier } from '@edu/auth';
import { MessagingModule } from '@edu/messaging';
import { PersistenceModule } from '@edu/persistence';
import { ObjectStore } from '@edu/storage';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
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
        { provide: TokenVerifier, useFactory: () => new TokenVerifier(config.IDENTITY_URL) },
        { provide: APP_GUARD, useClass: AuthGuard },
        {
          provide: ObjectStore,
          useFactory: () =>
            new ObjectStore({
              endPoint: config.MINIO_ENDPOINT,
              port: config.MINIO_PORT,
              accessKey: config.MINIO_ACCESS_KEY,
              secretKey: config.MINIO_SECRET_KEY,
            }),
        },
      ],
      exports: [ARCHIVING_CONFIG, ObjectStore],
    };
  }
}
