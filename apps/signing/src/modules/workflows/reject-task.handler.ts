import { isUuid } from '@edu/contracts';
import { OutboxRelay, OutboxWriter } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { Assignees } from './assignees.js';
import { checkTasks } from './signing-person.js';
import { WorkflowAudit } from './workflow-audit.js';
import { documentRejected } from './workflow-events.js';
import { WorkflowStore } from './workflow-store.js';
import { rejectStep } from './workflow.js';

/**
 * A signer refuses to sign: the task is REJECTED with their reason, the later steps are cancelled and the document
 * goes back to the school (DocumentRejected), which may submit a corrected version.
 */
@Injectable()
export class RejectTaskHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowStore) private readonly store: WorkflowStore,
    @Inject(WorkflowAudit) private readonly audit: WorkflowAudit,
    @Inject(Assignees) private readonly assignees: Assignees,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async execute(taskId: string, reason: string, personId: string): Promise<{ taskId: string; documentId: string; state: 'REJECTED' }> {
    if (!isUuid(taskId)) throw SigningErrors.tasksNotFound([taskId]);
    const id = taskId.toLowerCase();
    const result = await this.dataSource.transaction(async (em) => {
      const [found] = await this.store.findTasks(em, [id]);
      if (!found) throw SigningErrors.tasksNotFound([id]);
      const [w] = await this.store.lock(em, [found.documentId]);
      const task = w.tasks.find((t) => t.taskId === id)!;
      checkTasks([id], [task], { personId, principalOf: await this.assignees.principalOf(em, personId) });
      rejectStep(w, id, personId, reason, new Date());
      await this.store.save(em, [w]);
      await this.audit.append(em, [{ documentId: task.documentId, taskId: id, actor: personId, action: 'rejected', detail: { step: task.step, role: task.role, reason } }]);
      await this.outbox.appendMany(em, [documentRejected(task)]);
      return { taskId: id, documentId: task.documentId, state: 'REJECTED' as const };
    });
    this.relay.nudge();
    return result;
  }
}
