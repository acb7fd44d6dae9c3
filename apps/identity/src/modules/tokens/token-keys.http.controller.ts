import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf } from '../audit/audit-log.js';
import { TokenKeys } from './token-keys.js';

@ApiTags('oauth2')
@ApiBearerAuth()
@Controller('v1/token-keys')
export class TokenKeysHttpController {
  constructor(@Inject(TokenKeys) private readonly keys: TokenKeys) {}

  @Post('rotation')
  @HttpCode(200)
  @RequireScopes(Scopes.Operations)
  @ApiOkResponse({ description: '{ kid, previousRetireAfter }: the new key signs from now on; the previous stays in the JWKS until then' })
  rotate(@Req() req: { ip?: string }, @CurrentPrincipal() principal: Principal) {
    return this.keys.rotate(actorOf(principal, req));
  }
}
