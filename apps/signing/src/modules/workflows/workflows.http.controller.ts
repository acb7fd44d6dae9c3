import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { CommonErrors } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CancelWorkflowHandler } from './cancel-workflow.handler.js';
import { reasonFrom } from './task-requests.js';
import { WorkflowViews } from './workflow-view.js';

/** A document's signing workflow: operators see and cancel any; people of the issuer see their own. */
@ApiTags('workflows')
@ApiBearerAuth()
@Controller('v1/workflows')
export class WorkflowsHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowViews) private readonly views: WorkflowViews,
    @Inject(CancelWorkflowHandler) private readonly cancellations: CancelWorkflowHandler,
  ) {}

  @Get(':documentId')
  @ApiOperation({ summary: 'The tasks and audit trail of a document (scope operations, or a person of the issuer)' })
  @ApiOkResponse({ description: '{ documentId, documentType, ..., state, tasks: [...], audit: [...] }' })
  view(@Param('documentId') documentId: string, @CurrentPrincipal() principal: Principal) {
    return this.views.view(this.dataSource.manager, documentId, principal);
  }

  @Post(':documentId/cancel')
  @HttpCode(200)
  @RequireScopes(Scopes.Operations)
  @ApiOperation({ summary: 'Stop a document\'s signing (operators): open tasks cancelled, the school told SIGNING.WORKFLOW_CANCELLED' })
  @ApiOkResponse({ description: '{ documentId, state: "CANCELLED" }' })
  cancel(@Req() req: { is(type: string): string | false | null }, @Param('documentId') documentId: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    if (!req.is('application/json')) throw CommonErrors.unsupportedMediaType('application/json');
    return this.cancellations.execute(documentId, reasonFrom(body), principal.personId ?? principal.clientId);
  }
}
