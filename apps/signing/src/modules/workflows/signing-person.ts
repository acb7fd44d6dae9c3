import type { Principal } from '@edu/auth';
import { SigningErrors } from '../../signing-errors.js';
import { CustodyErrors } from '../custody/custody-errors.js';
import { isPrincipalStep } from './workflow-definitions.js';
import type { SigningTask } from './workflow.js';

/** The person behind a token, as far as signing tasks go. */
export interface SigningPerson {
  personId: string;
  /** The organisation the person is an ACTIVE principal of (signer directory), or null. */
  principalOf: string | null;
}

/** The sector ID a person's token carries; a system's token (no person) may not sign or refuse. */
export function personIdOf(principal: Principal): string {
  if (!principal.personId) throw CustodyErrors.personRequired();
  return principal.personId;
}

/** A teacher's step only by the assigned teacher; a principal's step by any ACTIVE principal of its organisation. */
export function mayAct(person: SigningPerson, task: SigningTask): boolean {
  if (task.assigneePersonId !== null) return task.assigneePersonId === person.personId;
  return isPrincipalStep(task.role) && task.orgCode === person.principalOf;
}

/**
 * Checks a batch of tasks in the order the refusals are reported: unknown (404), not the caller's (403), not waiting
 * for a signature (409). The whole batch is refused, naming every offending task.
 */
export function checkTasks(taskIds: string[], tasks: SigningTask[], person: SigningPerson): void {
  const byId = new Map(tasks.map((t) => [t.taskId, t]));
  const missing = taskIds.filter((id) => !byId.has(id));
  if (missing.length) throw SigningErrors.tasksNotFound(missing);
  const foreign = taskIds.filter((id) => !mayAct(person, byId.get(id)!));
  if (foreign.length) throw SigningErrors.tasksNotYours(foreign);
  const closed = taskIds.filter((id) => byId.get(id)!.state !== 'PENDING');
  if (closed.length) throw SigningErrors.tasksNotPending(closed);
}
