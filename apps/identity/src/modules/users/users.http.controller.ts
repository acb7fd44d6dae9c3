import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { CommonErrors } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { actorOf, AuditActions, AuditLog } from '../audit/audit-log.js';
import { CreateUserCommand } from './create-user.command.js';
import { UserRegistry } from './user-registry.js';

interface Request {
  ip?: string;
  is(type: string): string | false | null;
}

/** Operators administer the people who sign in to the console; every action and refusal is audited. */
@ApiTags('users')
@ApiBearerAuth()
@RequireScopes(Scopes.Operations)
@Controller('v1/users')
export class UsersHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(UserRegistry) private readonly users: UserRegistry,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Post()
  @ApiCreatedResponse({ description: 'The user (body: username, orgCode, role, personId?, password of at least 12 characters)' })
  create(@Req() req: Request, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const actor = actorOf(principal, req);
    return this.audit.administer(this.dataSource, actor, { action: AuditActions.UserCreate }, (em) => {
      if (!req.is('application/json')) throw CommonErrors.unsupportedMediaType('application/json');
      return this.users.create(em, CreateUserCommand.from(body), actor);
    });
  }

  @Get(':id')
  @ApiOkResponse({ description: 'One user, with status ACTIVE, LOCKED or DISABLED' })
  get(@Param('id') id: string) {
    return this.users.find(this.dataSource.manager, id);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The user, DISABLED: sign-in is refused' })
  disable(@Req() req: Request, @Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const actor = actorOf(principal, req);
    return this.audit.administer(this.dataSource, actor, { action: AuditActions.UserDisable, subject: id }, (em) =>
      this.users.disable(em, id, actor),
    );
  }

  @Post(':id/unlock')
  @HttpCode(200)
  @ApiOkResponse({ description: 'The user, its lockout ended and failed attempts forgotten' })
  unlock(@Req() req: Request, @Param('id') id: string, @CurrentPrincipal() principal: Principal) {
    const actor = actorOf(principal, req);
    return this.audit.administer(this.dataSource, actor, { action: AuditActions.UserUnlock, subject: id }, (em) =>
      this.users.unlock(em, id, actor),
    );
  }
}
