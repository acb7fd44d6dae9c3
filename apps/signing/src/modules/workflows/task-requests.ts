import { isUuid } from '@edu/contracts';
import { SigningErrors } from '../../signing-errors.js';

export const APPROVE_MAX_TASKS = 200;
export const REASON_MAX_LENGTH = 500;

/** A task or document id; anything but a UUID names nothing. */

function objectBody(body: unknown, fields: string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw SigningErrors.requestInvalid('body', 'the body must be a JSON object', 'Nội dung phải là một đối tượng JSON');
  const extra = Object.keys(body).find((k) => !fields.includes(k));
  if (extra) throw SigningErrors.requestInvalid(extra, `unknown field ${extra}`, `Trường không được phép: ${extra}`);
  return body as Record<string, unknown>;
}

/** `POST /v1/signing-tasks/approve`: 1–200 distinct task ids and the signer's PIN. */
export class ApproveTasksCommand {
  private constructor(
    readonly taskIds: string[],
    readonly pin: string,
  ) {}

  static from(body: unknown): ApproveTasksCommand {
    const b = objectBody(body, ['taskIds', 'pin']);
    const ids = b.taskIds;
    if (!Array.isArray(ids) || ids.length < 1 || ids.length > APPROVE_MAX_TASKS)
      throw SigningErrors.requestInvalid('taskIds', `taskIds must list 1 to ${APPROVE_MAX_TASKS} task ids`, `taskIds phải có từ 1 đến ${APPROVE_MAX_TASKS} mã nhiệm vụ`);
    const bad = ids.findIndex((id) => typeof id !== 'string' || !isUuid(id));
    if (bad >= 0) throw SigningErrors.requestInvalid(`taskIds[${bad}]`, 'a task id is a UUID', 'Mã nhiệm vụ phải là UUID');
    const taskIds = (ids as string[]).map((id) => id.toLowerCase());
    const twice = taskIds.findIndex((id, i) => taskIds.indexOf(id) !== i);
    if (twice >= 0) throw SigningErrors.requestInvalid(`taskIds[${twice}]`, 'each task may be listed once', 'Mỗi nhiệm vụ chỉ được liệt kê một lần');
    if (typeof b.pin !== 'string' || !b.pin || b.pin.length > 128)
      throw SigningErrors.requestInvalid('pin', 'pin is required', 'Thiếu mã PIN ký (pin)');
    return new ApproveTasksCommand(taskIds, b.pin);
  }
}

/** `{ reason }` of a rejection or a cancellation: 1–500 characters, trimmed. */
export function reasonFrom(body: unknown): string {
  const b = objectBody(body, ['reason']);
  const reason = typeof b.reason === 'string' ? b.reason.trim() : '';
  if (!reason || [...reason].length > REASON_MAX_LENGTH)
    throw SigningErrors.requestInvalid('reason', `reason must have 1 to ${REASON_MAX_LENGTH} characters`, `Lý do phải dài từ 1 đến ${REASON_MAX_LENGTH} ký tự`);
  return reason;
}

/** Base64 DER (or PEM) of a detached CMS that an external signature upload carries in `signature`. */
export function uploadedSignatureFrom(body: unknown): Buffer {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>).signature : undefined;
  if (typeof value !== 'string' || !value.trim())
    throw SigningErrors.requestInvalid('signature', 'signature is required: the detached CMS in base64', 'Thiếu signature: chữ ký CMS tách rời dạng base64');
  const text = value.trim();
  if (text.startsWith('-----BEGIN')) return Buffer.from(text, 'utf8');
  if (!/^[A-Za-z0-9+/\r\n]+={0,2}$/.test(text))
    throw SigningErrors.requestInvalid('signature', 'signature must be base64 or PEM', 'signature phải ở dạng base64 hoặc PEM');
  return Buffer.from(text, 'base64');
}
