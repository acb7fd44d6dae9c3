import { insertRows, type EntityManager } from '@edu/persistence';
import type { ContentReference } from '../signatures/staged-content.js';
import type { StepRole } from './workflow-definitions.js';
import type { SigningTask, TaskState, Workflow, WorkflowState, WorkflowWithTasks } from './workflow.js';

type Row = Record<string, unknown>;

const WORKFLOW_COLUMN_TYPES: Array<[string, string]> = [
  ['document_id', 'uuid'], ['document_type', 'text'], ['version', 'int'], ['issuer_code', 'text'], ['student_id', 'text'], ['school_year', 'text'],
  ['class_name', 'text'], ['supersedes_document_id', 'uuid'], ['content_bucket', 'text'], ['content_key', 'text'], ['content_version_id', 'text'],
  ['content_sha256', 'text'], ['content_size', 'bigint'], ['content_inline', 'bytea'], ['state', 'text'], ['failure_code', 'text'], ['correlation_id', 'text'],
];
const WORKFLOW_COLUMNS = WORKFLOW_COLUMN_TYPES.map(([name]) => name).join(', ');
const WORKFLOW_COLUMNS_BUT_BYTES = WORKFLOW_COLUMN_TYPES.map(([name]) => name).filter((name) => name !== 'content_inline').join(', ');
const TASK_COLUMNS = 'task_id, document_id, step, role, assignee_person_id, org_code, state, due_at, reminded_at, done_at, done_by, reason';

/** A PENDING task past its due date, with what its reminder names. */
export interface OverdueTask extends SigningTask {
  documentType: string;
  issuerCode: string;
}

/**
 * Workflows and their signing tasks. Every method runs on the caller's EntityManager, so a consumer's or a request's
 * changes commit with its outbox events. A change to a workflow first locks its row and then its tasks (`lock`), in
 * document order, so concurrent approvals, rejections and cancellations wait for each other instead of deadlocking.
 */
export class WorkflowStore {
  /** The documents among `documentIds` that already have a workflow, whatever its state. */
  async existingAmong(em: EntityManager, documentIds: string[]): Promise<Set<string>> {
    if (!documentIds.length) return new Set();
    const rows: Array<{ document_id: string }> = await em.query('SELECT document_id FROM workflows WHERE document_id = ANY($1::uuid[])', [documentIds]);
    return new Set(rows.map((r) => r.document_id));
  }

  /** Of `documentIds`, those a newer submission superseded already (it can arrive first: keys differ). */
  async supersededAmong(em: EntityManager, documentIds: string[]): Promise<Map<string, string>> {
    if (!documentIds.length) return new Map();
    const rows: Array<{ document_id: string; supersedes_document_id: string }> = await em.query(
      'SELECT document_id, supersedes_document_id FROM workflows WHERE supersedes_document_id = ANY($1::uuid[])',
      [documentIds],
    );
    return new Map(rows.map((r) => [r.supersedes_document_id, r.document_id]));
  }

  async insert(em: EntityManager, workflows: Workflow[], tasks: SigningTask[]): Promise<void> {
    // Content travels as a binary parameter (not inside a bytea[] array, which is hex text).
    await insertRows(em, 'workflows', WORKFLOW_COLUMN_TYPES, workflows.map((x) => [x.documentId, x.documentType, x.version, x.issuerCode, x.studentId,
      x.schoolYear, x.className, x.supersedesDocumentId, x.content.bucket, x.content.key, x.content.versionId, x.content.sha256, x.content.size.toString(),
      x.content.inline.length ? Buffer.from(x.content.inline.buffer, x.content.inline.byteOffset, x.content.inline.byteLength) : null, x.state, x.failureCode, x.correlationId]));
    if (tasks.length) {
      const t = <T>(f: (x: SigningTask) => T) => tasks.map(f);
      await em.query(
        `INSERT INTO signing_tasks (${TASK_COLUMNS})
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[],
           $9::timestamptz[], $10::timestamptz[], $11::text[], $12::text[])`,
        taskColumns(t),
      );
    }
  }

  /** The tasks among `taskIds` that exist, unlocked: a first check before the PIN is asked. */
  async findTasks(em: EntityManager, taskIds: string[]): Promise<SigningTask[]> {
    if (!taskIds.length) return [];
    const rows: Row[] = await em.query(`SELECT ${TASK_COLUMNS} FROM signing_tasks WHERE task_id = ANY($1::uuid[])`, [taskIds]);
    return rows.map(toTask);
  }

  /** The workflows with their tasks, unlocked. */
  async find(em: EntityManager, documentIds: string[]): Promise<WorkflowWithTasks[]> {
    return this.load(em, documentIds, '');
  }

  /**
   * The workflows with their tasks, locked (FOR UPDATE) until the transaction ends; unknown ids are left out. A
   * workflow's content never changes once stored: a caller that has just read it passes it in (`contents`, by
   * document) and the locked read leaves the inline bytes out. An approval read each record's bytes twice before.
   */
  async lock(em: EntityManager, documentIds: string[], contents?: ReadonlyMap<string, ContentReference>): Promise<WorkflowWithTasks[]> {
    return this.load(em, documentIds, 'FOR UPDATE', contents);
  }

  private async load(em: EntityManager, documentIds: string[], lock: '' | 'FOR UPDATE', contents?: ReadonlyMap<string, ContentReference>): Promise<WorkflowWithTasks[]> {
    if (!documentIds.length) return [];
    const workflows: Row[] = await em.query(
      `SELECT ${contents ? WORKFLOW_COLUMNS_BUT_BYTES : WORKFLOW_COLUMNS} FROM workflows WHERE document_id = ANY($1::uuid[]) ORDER BY document_id ${lock}`,
      [documentIds],
    );
    if (contents) for (const w of workflows) w.content_inline = knownContent(contents, w);
    const tasks: Row[] = await em.query(
      `SELECT ${TASK_COLUMNS} FROM signing_tasks WHERE document_id = ANY($1::uuid[]) ORDER BY document_id, step ${lock}`,
      [documentIds],
    );
    const byDocument = Map.groupBy(tasks, (t) => t.document_id);
    return workflows.map((w) => ({ workflow: toWorkflow(w), tasks: (byDocument.get(w.document_id) ?? []).map(toTask) }));
  }

  /** Writes the states of the workflows and of those of their tasks that changed, one statement each. */
  async save(em: EntityManager, items: WorkflowWithTasks[]): Promise<void> {
    if (!items.length) return;
    await em.query(
      `UPDATE workflows w SET state = s.state, updated_at = now() FROM unnest($1::uuid[], $2::text[]) AS s(id, state)
       WHERE w.document_id = s.id`,
      [items.map((i) => i.workflow.documentId), items.map((i) => i.workflow.state)],
    );
    const tasks = items.flatMap((i) => i.tasks);
    if (!tasks.length) return;
    const t = <T>(f: (x: SigningTask) => T) => tasks.map(f);
    await em.query(
      `UPDATE signing_tasks t SET state = s.state, due_at = s.due_at, reminded_at = s.reminded_at, done_at = s.done_at,
         done_by = s.done_by, reason = s.reason
       FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[])
         AS s(id, state, due_at, reminded_at, done_at, done_by, reason)
       WHERE t.task_id = s.id
         AND (t.state, t.due_at, t.reminded_at, t.done_at, t.done_by, t.reason) IS DISTINCT FROM (s.state, s.due_at, s.reminded_at, s.done_at, s.done_by, s.reason)`,
      [t((x) => x.taskId), t((x) => x.state), t((x) => x.dueAt), t((x) => x.remindedAt), t((x) => x.doneAt), t((x) => x.doneBy), t((x) => x.reason)],
    );
  }

  /**
   * PENDING tasks past due and not reminded within `hours`, oldest due first, locked. SKIP LOCKED lets one instance
   * take them while the others (and approvals holding a task) are passed over, never waited for.
   */
  async lockOverdue(em: EntityManager, now: Date, hours: number, limit: number): Promise<OverdueTask[]> {
    const rows: Row[] = await em.query(
      `SELECT t.*, w.document_type, w.issuer_code
       FROM signing_tasks t JOIN workflows w ON w.document_id = t.document_id
       WHERE t.state = 'PENDING' AND t.due_at < $1::timestamptz
         AND (t.reminded_at IS NULL OR t.reminded_at <= $1::timestamptz - make_interval(hours => $2::int))
       ORDER BY t.due_at LIMIT $3 FOR UPDATE OF t SKIP LOCKED`,
      [now, hours, limit],
    );
    return rows.map((r) => ({ ...toTask(r), documentType: r.document_type as string, issuerCode: r.issuer_code as string }));
  }

  async markReminded(em: EntityManager, taskIds: string[], at: Date): Promise<void> {
    await em.query('UPDATE signing_tasks SET reminded_at = $2 WHERE task_id = ANY($1::uuid[])', [taskIds, at]);
  }
}

function taskColumns(t: <T>(f: (x: SigningTask) => T) => T[]): unknown[] {
  return [t((x) => x.taskId), t((x) => x.documentId), t((x) => x.step), t((x) => x.role), t((x) => x.assigneePersonId), t((x) => x.orgCode),
    t((x) => x.state), t((x) => x.dueAt), t((x) => x.remindedAt), t((x) => x.doneAt), t((x) => x.doneBy), t((x) => x.reason)];
}

const date = (v: unknown): Date | null => (v == null ? null : new Date(v as string));

export function toTask(r: Row): SigningTask {
  return {
    taskId: r.task_id as string,
    documentId: r.document_id as string,
    step: Number(r.step),
    role: r.role as StepRole,
    assigneePersonId: (r.assignee_person_id as string | null) ?? null,
    orgCode: r.org_code as string,
    state: r.state as TaskState,
    dueAt: date(r.due_at),
    remindedAt: date(r.reminded_at),
    doneAt: date(r.done_at),
    doneBy: (r.done_by as string | null) ?? null,
    reason: (r.reason as string | null) ?? null,
  };
}

/** The inline bytes the caller read earlier, for a row read without them; its hash must be the row's. */
function knownContent(contents: ReadonlyMap<string, ContentReference>, row: Row): Uint8Array {
  const known = contents.get(row.document_id as string);
  if (!known || known.sha256 !== row.content_sha256) throw new Error(`workflow ${String(row.document_id)}: its content was not read before the lock`);
  return known.inline;
}

function toWorkflow(r: Row): Workflow {
  return {
    documentId: r.document_id as string,
    documentType: r.document_type as string,
    version: Number(r.version),
    issuerCode: r.issuer_code as string,
    studentId: r.student_id as string,
    schoolYear: r.school_year as string,
    className: r.class_name as string,
    supersedesDocumentId: (r.supersedes_document_id as string | null) ?? null,
    content: {
      bucket: r.content_bucket as string,
      key: r.content_key as string,
      versionId: r.content_version_id as string,
      sha256: r.content_sha256 as string,
      size: BigInt(r.content_size as string),
      inline: (r.content_inline as Uint8Array | null) ?? new Uint8Array(),
    },
    state: r.state as WorkflowState,
    failureCode: (r.failure_code as string | null) ?? null,
    correlationId: (r.correlation_id as string | null) ?? null,
  };
}
