import type { Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard.js';
import { TokenVerifier } from './token-verifier.js';

/** Every HTTP route of the service needs a valid token unless marked @Public(). */
export function authProviders(identityUrl: string): Provider[] {
  return [
    { provide: TokenVerifier, useFactory: () => new TokenVerifier(identityUrl) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ];
}
