import { isUuid } from '@edu/contracts';
import { CurrentPrincipal, RequireScopes, Scopes, type Principal } from '@edu/auth';
import { CommonErrors } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { SigningErrors } from '../../signing-errors.js';
import { ApproveTasksHandler } from './approve-tasks.handler.js';
import { Assignees } from './assignees.js';
import { RejectTaskHandler } from './reject-task.handler.js';
import { personIdOf } from './signing-person.js';
import { ListTasksQuery, TASK_LIST_MAX, TaskList } from './task-list.js';
import { APPROVE_MAX_TASKS, ApproveTasksCommand, REASON_MAX_LENGTH, reasonFrom, uploadedSignatureFrom } from './task-requests.js';

interface JsonRequest {
  is(type: string): string | false | null;
}

const requireJson = (req: JsonRequest) => {
  if (!req.is('application/json')) throw CommonErrors.unsupportedMediaType('application/json');
};

/** A signer's own tasks, with a person's token (scope `signing`, carrying the person's sector ID). */
@ApiTags('signing-tasks')
@ApiBearerAuth()
@RequireScopes(Scopes.Signing)
@Controller('v1/signing-tasks')
export class SigningTasksHttpController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Assignees) private readonly assignees: Assignees,
    @Inject(TaskList) private readonly tasks: TaskList,
    @Inject(ApproveTasksHandler) private readonly approvals: ApproveTasksHandler,
    @Inject(RejectTaskHandler) private readonly rejections: RejectTaskHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'My signing tasks: assigned to me, or a principal step at my organisation' })
  @ApiQuery({ name: 'state', required: false, description: 'WAITING, PENDING (default), SIGNED, REJECTED or CANCELLED' })
  @ApiQuery({ name: 'limit', required: false, description: `1–${TASK_LIST_MAX}, default 50` })
  @ApiQuery({ name: 'cursor', required: false, description: 'nextCursor of the previous page' })
  @ApiOkResponse({ description: '{ items: [{ taskId, documentId, documentType, issuerCode, studentId, className, schoolYear, step, role, state, dueAt }], nextCursor, hasMore }' })
  async list(@Query() query: Record<string, unknown>, @CurrentPrincipal() principal: Principal) {
    const personId = personIdOf(principal);
    const q = ListTasksQuery.from(query);
    const em = this.dataSource.manager;
    return this.tasks.forPerson(em, { personId, principalOf: await this.assignees.principalOf(em, personId) }, q);
  }

  @Post('approve')
  @HttpCode(200)
  @ApiOperation({ summary: `Approve 1–${APPROVE_MAX_TASKS} tasks with my signing PIN: one signature per document, all or nothing` })
  @ApiOkResponse({ description: '{ approved: [{ taskId, documentId, step, role, signedAt }], documents: [{ documentId, state, pendingStep }] }' })
  approve(@Req() req: JsonRequest, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const personId = personIdOf(principal);
    requireJson(req);
    return this.approvals.execute(ApproveTasksCommand.from(body), personId);
  }

  @Post(':id/signature')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign elsewhere (a USB token) and upload the detached CMS over the canonical bytes: {signature: base64}' })
  @ApiOkResponse({ description: 'As approve: the signature is accepted only if it validates and is mine' })
  uploadSignature(@Req() req: JsonRequest, @Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const personId = personIdOf(principal);
    requireJson(req);
    if (!isUuid(id)) throw SigningErrors.tasksNotFound([id]);
    return this.approvals.acceptExternal(id, uploadedSignatureFrom(body), personId);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: `Refuse to sign, with a reason (1–${REASON_MAX_LENGTH} characters): the document goes back to the school` })
  @ApiOkResponse({ description: '{ taskId, documentId, state: "REJECTED" }' })
  reject(@Req() req: JsonRequest, @Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal) {
    const personId = personIdOf(principal);
    requireJson(req);
    return this.rejections.execute(id, reasonFrom(body), personId);
  }
}
