import { DomainError } from '@edu/errors';
import { OutboxRelay } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { OrganisationImport, type ImportSummary } from './organisation-import.js';
import { readOrganisationsCsv } from './organisations-csv.js';

/** Synchronous imports are for the registry's size: a province has hundreds of organisations, a country thousands. */
export const MAX_IMPORT_ROWS = 10_000;

/** POST /v1/organisations/imports: reads organisations.csv and applies it in one transaction. */
@Injectable()
export class ImportOrganisationsHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationImport) private readonly importer: OrganisationImport,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async execute(csv: string, actor: string): Promise<ImportSummary> {
    const { rows, problems } = readOrganisationsCsv(csv);
    if (rows.length + problems.length > MAX_IMPORT_ROWS)
      throw new DomainError('IDENTITY.CSV_TOO_MANY_ROWS', 'too-large', {
        vi: `Mỗi lần nhập tối đa ${MAX_IMPORT_ROWS} dòng`,
        en: `At most ${MAX_IMPORT_ROWS} rows per import`,
      }, 'body');
    const summary = await this.dataSource.transaction((em) => this.importer.apply(em, rows, actor, problems));
    if (summary.created + summary.updated) this.relay.nudge();
    return summary;
  }
}
