import type { ContentReference } from '../signatures/staged-content.js';
import type { StepRole } from './workflow-definitions.js';

export type WorkflowState = 'IN_PROGRESS' | 'SIGNED' | 'REJECTED' | 'CANCELLED' | 'FAILED';
export type TaskState = 'WAITING' | 'PENDING' | 'SIGNED' | 'REJECTED' | 'CANCELLED';

/** A document being signed, with what DocumentSigned will repeat once every signature is in place. */
export interface Workflow {
  documentId: string;
  documentType: string;
  version: number;
  issuerCode: string;
  studentId: string;
  schoolYear: string;
  className: string;
  supersedesDocumentId: string | null;
  content: ContentReference;
  state: WorkflowState;
  failureCode: string | null;
  /** The submission's correlation id: every later event of the document (signed, rejected, requested) keeps it. */
  correlationId: string | null;
}

export interface SigningTask {
  taskId: string;
  documentId: string;
  /** From 1, in signing order; the signature made at this step gets the same index. */
  step: number;
  role: StepRole;
  /** The one person who may sign; null for a step any ACTIVE principal of `orgCode` may sign. */
  assigneePersonId: string | null;
  orgCode: string;
  state: TaskState;
  dueAt: Date | null;
  remindedAt: Date | null;
  doneAt: Date | null;
  doneBy: string | null;
  reason: string | null;
}

/** A workflow with all its tasks in step order, as loaded (and locked) for a change. */
export interface WorkflowWithTasks {
  workflow: Workflow;
  tasks: SigningTask[];
}

export interface AuditEntry {
  documentId: string;
  taskId: string | null;
  actor: string;
  action: 'created' | 'requested' | 'approved' | 'sealed' | 'signed' | 'rejected' | 'cancelled' | 'failed' | 'reminded';
  detail: Record<string, unknown>;
}

/** The actor of what the service does on its own (seal, reminders, supersession). */
export const SYSTEM_ACTOR = 'system';

const OPEN_TASK: ReadonlySet<TaskState> = new Set(['WAITING', 'PENDING']);

export function pendingTask(w: WorkflowWithTasks): SigningTask | null {
  return w.tasks.find((t) => t.state === 'PENDING') ?? null;
}

/** Marks the task signed and returns the next step's task, still WAITING, or null when it was the last step. */
export function signStep(w: WorkflowWithTasks, taskId: string, by: string, at: Date): SigningTask | null {
  const task = w.tasks.find((t) => t.taskId === taskId);
  if (!task || task.state !== 'PENDING') throw new Error(`task ${taskId} is not pending`);
  Object.assign(task, { state: 'SIGNED', doneAt: at, doneBy: by });
  const next = w.tasks.find((t) => t.step === task.step + 1) ?? null;
  if (!next) w.workflow.state = 'SIGNED';
  return next;
}

/** Makes a task the one waiting for its signer, due `days` from `now`. */
export function activate(task: SigningTask, now: Date, days: number): void {
  Object.assign(task, { state: 'PENDING', dueAt: new Date(now.getTime() + days * 86_400_000), remindedAt: null });
}

/** The signer refuses: the task REJECTED with the reason, later tasks CANCELLED, the workflow REJECTED. */
export function rejectStep(w: WorkflowWithTasks, taskId: string, by: string, reason: string, at: Date): SigningTask {
  const task = w.tasks.find((t) => t.taskId === taskId);
  if (!task || task.state !== 'PENDING') throw new Error(`task ${taskId} is not pending`);
  Object.assign(task, { state: 'REJECTED', doneAt: at, doneBy: by, reason });
  for (const t of w.tasks) if (OPEN_TASK.has(t.state)) Object.assign(t, { state: 'CANCELLED', doneAt: at, reason });
  w.workflow.state = 'REJECTED';
  return task;
}

/** Stops a workflow: every open task CANCELLED with the reason. Signatures already made stay. */
export function cancelWorkflow(w: WorkflowWithTasks, reason: string, at: Date): SigningTask[] {
  const cancelled = w.tasks.filter((t) => OPEN_TASK.has(t.state));
  for (const t of cancelled) Object.assign(t, { state: 'CANCELLED', doneAt: at, reason });
  w.workflow.state = 'CANCELLED';
  return cancelled;
}
