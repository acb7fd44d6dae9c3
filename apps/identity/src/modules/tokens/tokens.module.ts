import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { UsersModule } from '../users/users.module.js';
import { AccessTokens } from './access-tokens.js';
import { AuthorizationCodes } from './authorization-code/authorization-codes.js';
import { AuthorizeHttpController } from './authorization-code/authorize.http.controller.js';
import { GrantHousekeeping } from './grant-housekeeping.js';
import { IssueTokenHandler } from './issue-token.handler.js';
import { TokenKeysHttpController } from './token-keys.http.controller.js';
import { TokenKeys } from './token-keys.js';
import { TokenHttpController } from './token.http.controller.js';

@Module({
  imports: [AuditModule, ClientsModule, UsersModule],
  controllers: [TokenHttpController, TokenKeysHttpController, AuthorizeHttpController],
  providers: [TokenKeys, AccessTokens, AuthorizationCodes, IssueTokenHandler, GrantHousekeeping],
})
export class TokensModule {}
