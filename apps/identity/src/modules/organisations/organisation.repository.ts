import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import type { Organisation, OrganisationLevel, OrganisationStatus } from './organisation.js';

const COLUMNS = 'code, name, level, parent_code, address, status, merged_into, version';

export interface OrganisationRow {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  address: string | null;
  status: string;
  merged_into: string | null;
  version: number;
}

export function fromRow(r: OrganisationRow): Organisation {
  return {
    code: r.code,
    name: r.name,
    level: r.level as OrganisationLevel,
    parentCode: r.parent_code,
    address: r.address,
    status: r.status as OrganisationStatus,
    mergedInto: r.merged_into,
    version: Number(r.version),
  };
}

/** The organisations table: reads and batched writes, always on the caller's EntityManager (its transaction). */
@Injectable()
export class OrganisationRepository {
  /** `lock`: 'update' to change the row, 'share' to keep it as it is (e.g. a parent) until the transaction ends. */
  async find(em: EntityManager, code: string, lock?: 'update' | 'share'): Promise<Organisation | null> {
    const suffix = lock === 'update' ? ' FOR UPDATE' : lock === 'share' ? ' FOR SHARE' : '';
    const rows: OrganisationRow[] = await em.query(`SELECT ${COLUMNS} FROM organisations WHERE code = $1${suffix}`, [code]);
    return rows.length ? fromRow(rows[0]) : null;
  }

  /** The organisations among `codes`, locked against change until the caller's transaction ends. */
  async findMany(em: EntityManager, codes: string[]): Promise<Map<string, Organisation>> {
    const rows: OrganisationRow[] = await em.query(`SELECT ${COLUMNS} FROM organisations WHERE code = ANY($1::text[]) FOR SHARE`, [codes]);
    return new Map(rows.map((r) => [r.code, fromRow(r)]));
  }

  /** Inserts the organisations (parents first in the array, or in the same call); returns the codes already taken. */
  async insertMany(em: EntityManager, orgs: Organisation[]): Promise<string[]> {
    const inserted: Array<{ code: string }> = await em.query(
      `INSERT INTO organisations (code, name, level, parent_code, address, status, version)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
       ON CONFLICT (code) DO NOTHING RETURNING code`,
      [orgs.map((o) => o.code), orgs.map((o) => o.name), orgs.map((o) => o.level), orgs.map((o) => o.parentCode),
        orgs.map((o) => o.address), orgs.map((o) => o.status), orgs.map((o) => o.version)],
    );
    const done = new Set(inserted.map((r) => r.code));
    return orgs.map((o) => o.code).filter((c) => !done.has(c));
  }

  /** Writes the given states (same codes, new versions) in one statement. */
  async updateMany(em: EntityManager, orgs: Organisation[]): Promise<void> {
    if (!orgs.length) return;
    await em.query(
      `UPDATE organisations o SET name = t.name, parent_code = t.parent_code, address = t.address, status = t.status,
         merged_into = t.merged_into, version = t.version, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
         AS t(code, name, parent_code, address, status, merged_into, version)
       WHERE o.code = t.code`,
      [orgs.map((o) => o.code), orgs.map((o) => o.name), orgs.map((o) => o.parentCode), orgs.map((o) => o.address),
        orgs.map((o) => o.status), orgs.map((o) => o.mergedInto), orgs.map((o) => o.version)],
    );
  }

  /** The active organisations directly under `code`, locked for the caller's transaction. */
  async activeChildren(em: EntityManager, code: string): Promise<Organisation[]> {
    const rows: OrganisationRow[] = await em.query(
      `SELECT ${COLUMNS} FROM organisations WHERE parent_code = $1 AND status = 'ACTIVE' ORDER BY code FOR UPDATE`,
      [code],
    );
    return rows.map(fromRow);
  }
}
