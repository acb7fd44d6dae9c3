import { RequireScopes, Scopes } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AUDIT_MAX_LIMIT, AuditQuery } from './audit-query.js';
import { AuditLog } from './audit-log.js';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  /** Token grants and denials, logins, and administration of clients, users and keys, oldest first. */
  @Get()
  @RequireScopes(Scopes.Operations)
  @ApiQuery({ name: 'actor', required: false })
  @ApiQuery({ name: 'action', required: false, description: 'e.g. token.grant, login, client.disable' })
  @ApiQuery({ name: 'outcome', required: false, enum: ['GRANTED', 'DENIED'] })
  @ApiQuery({ name: 'after', required: false, description: 'cursor from the previous page (exclusive)' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${AUDIT_MAX_LIMIT}, default 100` })
  @ApiOkResponse({ description: '{ items, nextCursor, hasMore }' })
  list(@Query() query: Record<string, unknown>) {
    return this.audit.list(this.dataSource.manager, AuditQuery.from(query));
  }
}
