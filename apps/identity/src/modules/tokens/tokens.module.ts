import { Module } from '@nestjs/common';
import { ClientRegistry } from '../clients/client-registry.js';
import { TokenHttpController } from './token.http.controller.js';
import { TokenKeys } from './token-keys.js';

@Module({
  controllers: [TokenHttpController],
  providers: [TokenKeys, { provide: ClientRegistry, useValue: new ClientRegistry() }],
})
export class TokensModule {}
