import type { Principal } from '@edu/auth';
import { uuidv7 } from '@edu/contracts';
import { DomainError } from '@edu/errors';
import { DataSource } from '@edu/persistence';
import { currentCorrelationId } from '@edu/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import { CsvError, parse } from 'csv-parse';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { todayIso } from '../domain/field-checks.js';
import { RosterErrors } from '../domain/roster-errors.js';
import type { ImportMode } from '../domain/roster-import.js';
import { ROSTER_ROWS } from '../domain/roster-kinds.js';
import type { RosterKindName } from '../domain/roster-rows.js';
import { RosterImports } from '../roster-imports.repository.js';
import { copyStagingSql, createStagingSql, stagingTable } from './staging-table.js';
import { StagingEncoder } from './staging-encoder.js';

/**
 * Receives a roster upload: streams the body through csv-parse and the row checks into the import's staging table
 * with COPY, and records the import, in one transaction. Nothing is kept of an upload that fails half way (a bad
 * header, a broken connection, a killed process): the client simply sends it again. The body is never held whole.
 */
@Injectable()
export class RosterUploads {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(RosterImports) private readonly imports: RosterImports,
  ) {}

  async receive(body: Readable, kind: RosterKindName, mode: ImportMode, principal: Principal): Promise<{ id: string; rowsRead: number }> {
    const id = uuidv7();
    const rows = ROSTER_ROWS[kind];
    const table = stagingTable(id);
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      await runner.startTransaction();
      await runner.query(createStagingSql(rows, table));
      const encoder = new StagingEncoder(rows, todayIso());
      const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true });
      await pipeline(body, parser, encoder, client.query(copyFrom(copyStagingSql(rows, table))));
      await this.imports.create(runner.manager, {
        id,
        kind,
        mode,
        clientId: principal.clientId,
        orgCode: principal.org,
        correlationId: currentCorrelationId() ?? id,
        rowsRead: encoder.rowsRead,
      });
      await runner.commitTransaction();
      return { id, rowsRead: encoder.rowsRead };
    } catch (err) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw asUploadError(err);
    } finally {
      await runner.release();
    }
  }
}

/** A CSV the parser cannot read is the client's fault (400), with the data row where it broke. */
function asUploadError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  if (err instanceof CsvError) return RosterErrors.malformed(Math.max(1, Number(err.records ?? 0)), err.message.replace(/^Invalid \w+: /, ''));
  return err;
}
