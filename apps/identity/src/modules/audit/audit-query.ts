import { CommonErrors } from '@edu/errors';

export const AUDIT_MAX_LIMIT = 500;

/** `GET /v1/audit` filters, validated on creation. `after` is the cursor of the previous page (exclusive). */
export class AuditQuery {
  private constructor(
    readonly actor: string | null,
    readonly action: string | null,
    readonly outcome: 'GRANTED' | 'DENIED' | null,
    readonly after: string,
    readonly limit: number,
  ) {}

  static from(q: Record<string, unknown>): AuditQuery {
    const text = (name: string): string | null => {
      const v = q[name];
      if (v === undefined || v === '') return null;
      if (typeof v !== 'string' || v.length > 200)
        throw CommonErrors.invalidParameter(name, `${name} must be one short text`, `${name} phải là một chuỗi ngắn`);
      return v;
    };
    const outcome = text('outcome');
    if (outcome !== null && outcome !== 'GRANTED' && outcome !== 'DENIED')
      throw CommonErrors.invalidParameter('outcome', 'outcome must be GRANTED or DENIED', 'outcome phải là GRANTED hoặc DENIED');
    const after = text('after') ?? '0';
    if (!/^\d{1,18}$/.test(after))
      throw CommonErrors.invalidParameter('after', 'after must be a cursor returned by this list', 'after phải là con trỏ do danh sách trả về');
    const limit = Number(text('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_MAX_LIMIT)
      throw CommonErrors.invalidParameter('limit', `limit must be an integer from 1 to ${AUDIT_MAX_LIMIT}`, `limit phải là số nguyên từ 1 đến ${AUDIT_MAX_LIMIT}`);
    return new AuditQuery(text('actor'), text('action'), outcome, after, limit);
  }
}
