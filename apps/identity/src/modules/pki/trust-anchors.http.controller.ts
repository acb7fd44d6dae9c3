import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { TrustAnchorRegistry } from './trust-anchor-registry.js';

@ApiTags('trust-anchors')
@ApiBearerAuth()
@RequireScopes(Scopes.Operations)
@Controller('v1/trust-anchors')
export class TrustAnchorsHttpController {
  constructor(@Inject(TrustAnchorRegistry) private readonly anchors: TrustAnchorRegistry) {}

  @Post()
  @ApiCreatedResponse({ description: 'Registers an external CA {certificatePem: the CA certificate, then its chain if not self-signed}' })
  add(@CurrentPrincipal() principal: Principal, @Body() body: { certificatePem?: unknown } | undefined) {
    return this.anchors.add(body?.certificatePem, principal.clientId);
  }

  @Get()
  @ApiOkResponse({ description: 'Every registered trust anchor, enabled or not' })
  list() {
    return this.anchors.list();
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The anchor, no longer published' })
  disable(@Param('id') id: string) {
    return this.anchors.disable(id);
  }
}
