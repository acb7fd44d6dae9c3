import type { EntityManager } from '@edu/persistence';
import type { AuditEntry } from './workflow.js';

export interface AuditRecord extends AuditEntry {
  at: Date;
}

/** The audit trail of each workflow: who did what to which task, and when. Written in the caller's transaction. */
export class WorkflowAudit {
  async append(em: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    await em.query(
      `INSERT INTO workflow_audit (document_id, task_id, actor, action, detail)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::jsonb[])`,
      [entries.map((e) => e.documentId), entries.map((e) => e.taskId), entries.map((e) => e.actor), entries.map((e) => e.action),
        entries.map((e) => JSON.stringify(e.detail))],
    );
  }

  /** Oldest first. */
  async trail(em: EntityManager, documentId: string): Promise<AuditRecord[]> {
    const rows: Array<Record<string, unknown>> = await em.query(
      'SELECT document_id, task_id, at, actor, action, detail FROM workflow_audit WHERE document_id = $1 ORDER BY id',
      [documentId],
    );
    return rows.map((r) => ({
      documentId: r.document_id as string,
      taskId: (r.task_id as string | null) ?? null,
      at: new Date(r.at as string),
      actor: r.actor as string,
      action: r.action as AuditEntry['action'],
      detail: r.detail as Record<string, unknown>,
    }));
  }
}
