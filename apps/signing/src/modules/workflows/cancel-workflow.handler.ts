import { isUuid } from '@edu/contracts';
import { OutboxRelay, OutboxWriter } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { WorkflowAudit } from './workflow-audit.js';
import { signingFailed } from './workflow-events.js';
import { WorkflowStore } from './workflow-store.js';
import { cancelWorkflow } from './workflow.js';

/** An operator stops a document's signing: its open tasks are cancelled and the school is told (SIGNING.WORKFLOW_CANCELLED). */
@Injectable()
export class CancelWorkflowHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowStore) private readonly store: WorkflowStore,
    @Inject(WorkflowAudit) private readonly audit: WorkflowAudit,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async execute(documentId: string, reason: string, actor: string): Promise<{ documentId: string; state: 'CANCELLED' }> {
    if (!isUuid(documentId)) throw SigningErrors.workflowNotFound(documentId);
    const id = documentId.toLowerCase();
    const result = await this.dataSource.transaction(async (em) => {
      const [w] = await this.store.lock(em, [id]);
      if (!w) throw SigningErrors.workflowNotFound(id);
      if (w.workflow.state !== 'IN_PROGRESS') throw SigningErrors.workflowClosed(id, w.workflow.state);
      const cancelled = cancelWorkflow(w, reason, new Date());
      await this.store.save(em, [w]);
      await this.audit.append(em, [{ documentId: id, taskId: null, actor, action: 'cancelled', detail: { reason, tasks: cancelled.map((t) => t.taskId) } }]);
      await this.outbox.appendMany(em, [signingFailed(id, SigningErrors.workflowCancelled(reason))]);
      return { documentId: id, state: 'CANCELLED' as const };
    });
    this.relay.nudge();
    return result;
  }
}
