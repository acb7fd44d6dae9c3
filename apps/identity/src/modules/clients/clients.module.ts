import { Module } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';
import { AuditModule } from '../audit/audit.module.js';
import { AssertionReplayGuard } from './assertion-replay-guard.js';
import { ClientAssertionVerifier } from './client-assertion.js';
import { ClientAuthenticator } from './client-authenticator.js';
import { ClientRegistry } from './client-registry.js';
import { ClientViews } from './client-views.js';
import { ClientsHttpController } from './clients.http.controller.js';
import { SecretVerificationCache } from './secret-verification-cache.js';

@Module({
  imports: [AuditModule],
  controllers: [ClientsHttpController],
  providers: [
    {
      provide: SecretVerificationCache,
      useFactory: (config: IdentityConfig) => new SecretVerificationCache(config.CLIENT_SECRET_CACHE_SECONDS * 1000),
      inject: [IDENTITY_CONFIG],
    },
    AssertionReplayGuard,
    ClientAssertionVerifier,
    ClientAuthenticator,
    ClientRegistry,
    ClientViews,
  ],
  exports: [ClientAuthenticator, ClientRegistry, ClientViews, AssertionReplayGuard],
})
export class ClientsModule {}
