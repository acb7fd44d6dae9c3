import { CommonErrors } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { isOrganisationLevel, isOrganisationStatus, type Organisation } from './organisation.js';
import { OrganisationErrors } from './organisation-errors.js';
import { fromRow, type OrganisationRow } from './organisation.repository.js';
import { isValidCode } from './organisation-rules.js';

export interface ListFilter {
  parent: string | null;
  level: string | null;
  status: string | null;
  q: string | null;
  after: string;
  limit: number;
}

const invalid = (field: string, en: string, vi: string) => CommonErrors.invalidParameter(field, en, vi);

/** GET /v1/organisations query parameters, checked; pages are keyed by code (`after`), `limit` 1–500. */
export function readListFilter(query: Record<string, unknown>): ListFilter {
  const text = (name: string) => (typeof query[name] === 'string' && query[name] !== '' ? (query[name] as string) : null);
  const [parent, level, status, q, after, limit] = ['parent', 'level', 'status', 'q', 'after', 'limit'].map(text);
  if (parent && !isValidCode(parent)) throw invalid('parent', 'parent must be an organisation code', 'parent phải là mã đơn vị');
  if (level && !isOrganisationLevel(level)) throw OrganisationErrors.levelInvalid(level);
  if (status && !isOrganisationStatus(status)) throw invalid('status', 'status is ACTIVE, CLOSED or MERGED', 'status là ACTIVE, CLOSED hoặc MERGED');
  if (q && q.length > 100) throw invalid('q', 'q is at most 100 characters', 'q dài tối đa 100 ký tự');
  if (limit !== null && (!/^[1-9]\d{0,2}$/.test(limit) || Number(limit) > 500))
    throw invalid('limit', 'limit is a whole number from 1 to 500', 'limit là số nguyên từ 1 đến 500');
  return { parent, level, status, q: q?.normalize('NFC') ?? null, after: after ?? '', limit: limit ? Number(limit) : 100 };
}

/** The read side: any authenticated client may list organisations and read one with its history. */
@Injectable()
export class OrganisationQueries {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(f: ListFilter): Promise<{ items: Organisation[]; next: string | null }> {
    const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows: OrganisationRow[] = await this.dataSource.query(
      `SELECT code, name, level, parent_code, address, status, merged_into, version FROM organisations
       WHERE code > $1 AND ($2::text IS NULL OR parent_code = $2) AND ($3::text IS NULL OR level = $3)
         AND ($4::text IS NULL OR status = $4) AND ($5::text IS NULL OR name ILIKE $5 OR code ILIKE $5)
       ORDER BY code LIMIT $6`,
      [f.after, f.parent, f.level, f.status, like, f.limit + 1],
    );
    const items = rows.slice(0, f.limit).map(fromRow);
    return { items, next: rows.length > f.limit ? items[items.length - 1].code : null };
  }

  async get(code: string) {
    const [row]: OrganisationRow[] = await this.dataSource.query(
      'SELECT code, name, level, parent_code, address, status, merged_into, version FROM organisations WHERE code = $1',
      [code],
    );
    if (!row) throw OrganisationErrors.notFound(code);
    const history = await this.dataSource.query(
      `SELECT version, change, name, level, parent_code AS "parentCode", address, status, merged_into AS "mergedInto", reason, actor,
         changed_at AS "changedAt"
       FROM organisation_history WHERE code = $1 ORDER BY version`,
      [code],
    );
    return { ...fromRow(row), history };
  }
}
