import { OutboxRelay } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { Organisation } from './organisation.js';
import { OrganisationErrors } from './organisation-errors.js';
import { OrganisationJournal } from './organisation-journal.js';
import { OrganisationRepository } from './organisation.repository.js';

/** Closes an active organisation that has no active children; its code stays taken for good. */
@Injectable()
export class CloseOrganisationHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationRepository) private readonly repo: OrganisationRepository,
    @Inject(OrganisationJournal) private readonly journal: OrganisationJournal,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async execute(code: string, reason: string, actor: string): Promise<Organisation> {
    const org = await this.dataSource.transaction(async (em) => {
      const current = await this.repo.find(em, code, 'update');
      if (!current) throw OrganisationErrors.notFound(code);
      if (current.status !== 'ACTIVE') throw OrganisationErrors.notActive(code, current.status);
      const children = await this.repo.activeChildren(em, code);
      if (children.length) throw OrganisationErrors.hasActiveChildren(code, children.length);
      const closed: Organisation = { ...current, status: 'CLOSED', version: current.version + 1 };
      await this.repo.updateMany(em, [closed]);
      await this.journal.record(em, [{ org: closed, change: 'CLOSED', reason }], actor);
      return closed;
    });
    this.relay.nudge();
    return org;
  }
}
