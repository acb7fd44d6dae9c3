import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { ImportMode, ImportStatus, RosterImport } from './domain/roster-import.js';
import { UNFINISHED } from './domain/roster-import.js';
import type { RosterKindName } from './domain/roster-rows.js';

export interface ReportedProblem {
  id: string;
  row: number;
  field: string | null;
  code: string;
  message: { vi: string; en: string };
}

const COLUMNS = `id, kind, mode, status, correlation_id, rows_read, rows_valid, rows_applied, rows_unchanged, problem_count, failure,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS created_at,
  to_char(finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS finished_at`;

const toImport = (r: Record<string, string | number | null>): RosterImport => ({
  id: r.id as string,
  kind: r.kind as RosterKindName,
  mode: r.mode as ImportMode,
  status: r.status as ImportStatus,
  correlationId: r.correlation_id as string,
  rowsRead: Number(r.rows_read),
  rowsValid: r.rows_valid === null ? null : Number(r.rows_valid),
  rowsApplied: Number(r.rows_applied),
  rowsUnchanged: Number(r.rows_unchanged),
  problemCount: Number(r.problem_count),
  failure: r.failure as string | null,
  createdAt: r.created_at as string,
  finishedAt: r.finished_at as string | null,
});

/** The roster_imports rows: what an import is, how far it got, and its problems. */
@Injectable()
export class RosterImports {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async create(em: EntityManager, i: { id: string; kind: RosterKindName; mode: ImportMode; clientId: string; orgCode: string; correlationId: string; rowsRead: number }): Promise<void> {
    await em.query(
      `INSERT INTO roster_imports (id, kind, mode, status, client_id, org_code, correlation_id, rows_read) VALUES ($1, $2, $3, 'RECEIVED', $4, $5, $6, $7)`,
      [i.id, i.kind, i.mode, i.clientId, i.orgCode, i.correlationId, i.rowsRead],
    );
  }

  async find(id: string, em: EntityManager = this.dataSource.manager): Promise<RosterImport | null> {
    const [row] = await em.query(`SELECT ${COLUMNS} FROM roster_imports WHERE id = $1`, [id]);
    return row ? toImport(row) : null;
  }

  /** Oldest first: imports are applied in the order they were received. */
  async unfinished(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM roster_imports WHERE status = ANY($1) ORDER BY created_at, id`, [UNFINISHED]);
    return rows.map((r) => r.id);
  }

  /** Moves an import on; `em` is the transaction that did the work, when there is one. */
  async update(id: string, changes: Partial<Record<'status' | 'rows_valid' | 'rows_applied' | 'rows_unchanged' | 'problem_count' | 'failure', string | number | null>>, em: EntityManager = this.dataSource.manager): Promise<void> {
    const keys = Object.keys(changes);
    const finished = changes.status === 'DONE' || changes.status === 'REJECTED' || changes.status === 'FAILED';
    await em.query(
      `UPDATE roster_imports SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')}, updated_at = now()${finished ? ', finished_at = now()' : ''} WHERE id = $1`,
      [id, ...keys.map((k) => changes[k as keyof typeof changes])],
    );
  }

  /** Problems in report order (row, then as found), `limit` after the given position. */
  async problems(id: string, after: { row: number; id: string } | null, limit: number): Promise<ReportedProblem[]> {
    const rows: Array<Record<string, string>> = await this.dataSource.query(
      `SELECT id, row_no, field, code, message_vi, message_en FROM roster_import_problems
       WHERE import_id = $1 AND (row_no, id) > ($2, $3) ORDER BY row_no, id LIMIT $4`,
      [id, after?.row ?? -1, after?.id ?? 0, limit],
    );
    return rows.map((r) => ({ id: r.id, row: Number(r.row_no), field: r.field, code: r.code, message: { vi: r.message_vi, en: r.message_en } }));
  }
}
