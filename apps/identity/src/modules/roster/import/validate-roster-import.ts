import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { CROSS_CHECKS } from '../checks/roster-cross-checks.js';
import { crossCheckStatement } from '../checks/cross-check.sql.js';
import type { ImportStatus, RosterImport } from '../domain/roster-import.js';
import { RosterImports } from '../roster-imports.repository.js';
import { dropStagingSql, stagingTable } from '../staging/staging-table.js';

/**
 * Validates a staged import in one transaction: the problems the row checks stored with each row, then every
 * cross-check against the file and the registry; rows with a problem are marked invalid. Running it again (after a
 * crash) starts over and finds the same. An all-or-nothing import with any problem is REJECTED; otherwise it moves on
 * to APPLYING.
 */
@Injectable()
export class ValidateRosterImport {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RosterImports) private readonly imports: RosterImports,
  ) {}

  async execute(imp: RosterImport): Promise<ImportStatus> {
    const table = stagingTable(imp.id);
    await this.imports.update(imp.id, { status: 'VALIDATING' });
    return this.dataSource.transaction(async (em) => {
      // The duplicate checks group the whole file; in memory they are several times faster than spilled to disk.
      await em.query(`SET LOCAL work_mem = '64MB'`);
      const [{ staged }] = await em.query(`SELECT count(*)::int AS staged FROM ${table}`);
      if (staged !== imp.rowsRead) throw new Error(`the staged rows were lost (${staged} of ${imp.rowsRead}); send the file again`);
      await em.query(`CREATE INDEX IF NOT EXISTS ${table}_row_no ON ${table} (row_no)`);
      await em.query(`ANALYZE ${table}`);
      await em.query('DELETE FROM roster_import_problems WHERE import_id = $1', [imp.id]);
      await em.query(
        `INSERT INTO roster_import_problems (import_id, row_no, field, code, message_vi, message_en)
         SELECT $1, r.row_no, p->>0, p->>1, p->>2, p->>3 FROM ${table} r, jsonb_array_elements(r.problems::jsonb) p
         WHERE r.problems IS NOT NULL`,
        [imp.id],
      );
      for (const check of CROSS_CHECKS[imp.kind]) {
        const { sql, params } = crossCheckStatement(check, table, imp.id);
        await em.query(sql, params);
      }
      await em.query(
        `UPDATE ${table} SET valid = false WHERE valid AND row_no IN (SELECT row_no FROM roster_import_problems WHERE import_id = $1)`,
        [imp.id],
      );
      const [{ valid, problems }] = await em.query(
        `SELECT (SELECT count(*)::int FROM ${table} WHERE valid) AS valid,
                (SELECT count(*)::int FROM roster_import_problems WHERE import_id = $1) AS problems`,
        [imp.id],
      );
      const status: ImportStatus = problems > 0 && imp.mode === 'all-or-nothing' ? 'REJECTED' : 'APPLYING';
      await this.imports.update(imp.id, { status, rows_valid: valid, problem_count: problems }, em);
      if (status === 'REJECTED') await em.query(dropStagingSql(table));
      return status;
    });
  }
}
