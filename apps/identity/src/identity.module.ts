import { authProviders } from '@edu/auth';
import { MessagingModule } from '@edu/messaging';
import { PersistenceModule } from '@edu/persistence';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from './config.js';
import { IDENTITY_MIGRATIONS } from './migrations/index.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { ClientsModule } from './modules/clients/clients.module.js';
import { OrganisationsModule } from './modules/organisations/organisations.module.js';
import { PkiModule } from './modules/pki/pki.module.js';
import { RosterModule } from './modules/roster/roster.module.js';
import { TokensModule } from './modules/tokens/tokens.module.js';
import { UsersModule } from './modules/users/users.module.js';

@Global()
@Module({})
export class IdentityModule {
  static forRoot(config: IdentityConfig): DynamicModule {
    return {
      module: IdentityModule,
      imports: [
        PersistenceModule.forRoot({ url: config.DATABASE_URL, schema: 'identity', migrations: IDENTITY_MIGRATIONS }),
        MessagingModule.forRoot({ service: 'identity', brokers: config.KAFKA_BROKERS }),
        OrganisationsModule,
        PkiModule,
        RosterModule,
        TokensModule,
        ClientsModule,
        UsersModule,
        AuditModule,
      ],
      providers: [
        { provide: IDENTITY_CONFIG, useValue: config },
        ...authProviders(config.IDENTITY_URL),
      ],
      exports: [IDENTITY_CONFIG],
    };
  }
}
