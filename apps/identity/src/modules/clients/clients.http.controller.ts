import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { CommonErrors } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';
import { actorOf, AuditActions, AuditLog } from '../audit/audit-log.js';
import { ClientRegistry } from './client-registry.js';
import { validateClientJwks } from './client-jwks.js';
import { ClientViews } from './client-views.js';
import { CreateClientCommand } from './create-client.command.js';

interface Request {
  ip?: string;
  is(type: string): string | false | null;
}

/** Operators administer API clients; every action and every refusal lands in the audit log. */
@ApiTags('clients')
@ApiBearerAuth()
@RequireScopes(Scopes.Operations)
@Controller('v1/clients')
export class ClientsHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ClientRegistry) private readonly registry: ClientRegistry,
    @Inject(ClientViews) private readonly views: ClientViews,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'The client; clientSecret (client_secret_basic only) is shown this once' })
  create(@Req() req: Request, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const actor = actorOf(principal, req);
    return this.audit.administer(this.dataSource, actor, { action: AuditActions.ClientCreate }, async (em) => {
      if (!req.is('application/json')) throw CommonErrors.unsupportedMediaType('application/json');
      const c = await CreateClientCommand.from(body);
      const created = await this.registry.create(em, c.orgCode, c.role, { authMethod: c.authMethod, jwks: c.jwks, redirectUris: c.redirectUris, actor });
      return { ...(await this.views.find(em, created.client_id)), ...(created.client_secret ? { clientSecret: created.client_secret } : {}) };
    });
  }

  @Get()
  @ApiQuery({ name: 'org', required: false, description: 'organisation code' })
  @ApiOkResponse({ description: '{ items }: clients, never their secrets' })
  list(@Query('org') org?: string) {
    return this.views.list(this.dataSource.manager, org || null);
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One client' })
  get(@Param('id') id: string) {
    return this.views.find(this.dataSource.manager, id);
  }

  @Post(':id/secret-rotation')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The client with its new clientSecret; the previous one works until previousSecretValidUntil' })
  rotate(@Req() req: Request, @Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const actor = actorOf(principal, req);
    return this.audit.administer(this.dataSource, actor, { action: AuditActions.ClientSecretRotation, subject: id }, (em) =>
      this.registry.rotateSecret(em, id, this.config.CLIENT_SECRET_OVERLAP_SECONDS, actor),
    );
  }

  @Put(':id/jwks')
  @ApiOkResponse({ description: 'The client with its new public keys (body: a JWKS)' })
  replaceJwks(@Req() req: Request, @Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const actor = actorOf(principal, req);
    return this.audit.administer(this.dataSource, actor, { action: AuditActions.ClientJwks, subject: id }, async (em) => {
      if (!req.is('application/json')) throw CommonErrors.unsupportedMediaType('application/json');
      return this.registry.replaceJwks(em, id, await validateClientJwks(body), actor);
    });
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The client, DISABLED: its next token request is refused' })
  disable(@Req() req: Request, @Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const actor = actorOf(principal, req);
    return this.audit.administer(this.dataSource, actor, { action: AuditActions.ClientDisable, subject: id }, (em) =>
      this.registry.setDisabled(em, id, true, actor),
    );
  }

  @Post(':id/enable')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The client, ACTIVE again' })
  enable(@Req() req: Request, @Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const actor = actorOf(principal, req);
    return this.audit.administer(this.dataSource, actor, { action: AuditActions.ClientEnable, subject: id }, (em) =>
      this.registry.setDisabled(em, id, false, actor),
    );
  }
}
