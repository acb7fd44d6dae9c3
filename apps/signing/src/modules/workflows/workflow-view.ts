import { isUuid } from '@edu/contracts';
import { AuthErrors, Scopes, type Principal } from '@edu/auth';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { WorkflowAudit } from './workflow-audit.js';
import { WorkflowStore } from './workflow-store.js';
import type { WorkflowState } from './workflow.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export interface WorkflowView {
  documentId: string;
  documentType: string;
  version: number;
  issuerCode: string;
  studentId: string;
  className: string;
  schoolYear: string;
  state: WorkflowState;
  failureCode: string | null;
  tasks: Array<{
    taskId: string; step: number; role: string; assigneePersonId: string | null; orgCode: string; state: string;
    dueAt: string | null; remindedAt: string | null; doneAt: string | null; doneBy: string | null; reason: string | null;
  }>;
  audit: Array<{ at: string; actor: string; action: string; taskId: string | null; detail: Record<string, unknown> }>;
}

/**
 * A workflow's tasks and audit trail, for operators and for the people of the issuing organisation. Anyone else is
 * told it does not exist, as for a document of another school.
 */
@Injectable()
export class WorkflowViews {
  constructor(
    @Inject(WorkflowStore) private readonly store: WorkflowStore,
    @Inject(WorkflowAudit) private readonly audit: WorkflowAudit,
  ) {}

  async view(em: EntityManager, documentId: string, principal: Principal): Promise<WorkflowView> {
    const operator = principal.scopes.includes(Scopes.Operations);
    if (!operator && !principal.personId) throw AuthErrors.scopeMissing(Scopes.Operations);
    const [found] = isUuid(documentId) ? await this.store.find(em, [documentId.toLowerCase()]) : [];
    if (!found || (!operator && principal.org !== found.workflow.issuerCode)) throw SigningErrors.workflowNotFound(documentId);
    const { workflow: w, tasks } = found;
    const trail = await this.audit.trail(em, w.documentId);
    return {
      documentId: w.documentId,
      documentType: w.documentType,
      version: w.version,
      issuerCode: w.issuerCode,
      studentId: w.studentId,
      className: w.className,
      schoolYear: w.schoolYear,
      state: w.state,
      failureCode: w.failureCode,
      tasks: tasks.map((t) => ({
        taskId: t.taskId, step: t.step, role: t.role, assigneePersonId: t.assigneePersonId, orgCode: t.orgCode, state: t.state,
        dueAt: iso(t.dueAt), remindedAt: iso(t.remindedAt), doneAt: iso(t.doneAt), doneBy: t.doneBy, reason: t.reason,
      })),
      audit: trail.map((a) => ({ at: a.at.toISOString(), actor: a.actor, action: a.action, taskId: a.taskId, detail: a.detail })),
    };
  }
}
