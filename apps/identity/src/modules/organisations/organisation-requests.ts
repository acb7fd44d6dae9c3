import { CommonErrors } from '@edu/errors';
import type { OrganisationDraft } from './organisation.js';
import { OrganisationErrors } from './organisation-errors.js';
import { addressProblem, cleanText, isValidCode, nameProblem, readDraft } from './organisation-rules.js';

export interface UpdateRequest {
  name?: string;
  address?: string | null;
  parentCode?: string | null;
}

const REASON_MAX = 500;

/** The body as an object holding only `fields`, or a 400 naming the first offending field. */
function objectBody(body: unknown, fields: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw CommonErrors.invalidParameter('body', 'the body must be a JSON object', 'Nội dung phải là một đối tượng JSON');
  const extra = Object.keys(body).find((k) => !fields.includes(k));
  if (extra) throw CommonErrors.invalidParameter(extra, `unknown field ${extra}`, `Trường không được phép: ${extra}`);
  return body as Record<string, unknown>;
}

function optionalText(b: Record<string, unknown>, field: string): string | null | undefined {
  const value = b[field];
  if (value === undefined || value === null) return value;
  if (typeof value !== 'string') throw CommonErrors.invalidParameter(field, `${field} must be a string`, `${field} phải là chuỗi ký tự`);
  return cleanText(value);
}

/** POST /v1/organisations: the same checks as a row of organisations.csv; the first problem is the answer. */
export function readCreateRequest(body: unknown): OrganisationDraft {
  const b = objectBody(body, ['code', 'name', 'level', 'parentCode', 'address']);
  const { draft, problems } = readDraft({ ...b, parentCode: optionalText(b, 'parentCode'), address: optionalText(b, 'address') });
  if (problems.length) throw problems[0];
  return draft;
}

/** PATCH /v1/organisations/{code}: name, address (null clears it) and parent; at least one of them. */
export function readUpdateRequest(body: unknown): UpdateRequest {
  const b = objectBody(body, ['name', 'address', 'parentCode']);
  const request: UpdateRequest = {};
  if ('name' in b) {
    const name = optionalText(b, 'name') ?? null;
    const problem = nameProblem(name);
    if (problem) throw problem;
    request.name = name!;
  }
  if ('address' in b) {
    request.address = optionalText(b, 'address') ?? null;
    const problem = addressProblem(request.address);
    if (problem) throw problem;
  }
  if ('parentCode' in b) request.parentCode = optionalText(b, 'parentCode') ?? null;
  if (!Object.keys(request).length)
    throw CommonErrors.invalidParameter('body', 'give name, address or parentCode', 'Cần ít nhất một trong name, address, parentCode');
  return request;
}

/** POST /v1/organisations/{code}/merge: `into`, the code of the organisation that takes over. */
export function readMergeRequest(body: unknown): { into: string } {
  const into = optionalText(objectBody(body, ['into']), 'into');
  if (!into) throw CommonErrors.invalidParameter('into', 'into is required', 'Thiếu mã đơn vị tiếp nhận (into)');
  if (!isValidCode(into)) throw OrganisationErrors.notFound(into, 'into');
  return { into };
}

/** POST /v1/organisations/{code}/close: `reason`, required. */
export function readCloseRequest(body: unknown): { reason: string } {
  const reason = optionalText(objectBody(body, ['reason']), 'reason');
  if (!reason || reason.length > REASON_MAX) throw OrganisationErrors.reasonRequired();
  return { reason };
}
