import { OutboxRelay } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { differs, type Organisation } from './organisation.js';
import { OrganisationErrors } from './organisation-errors.js';
import { OrganisationJournal } from './organisation-journal.js';
import { parentProblem } from './organisation-rules.js';
import { OrganisationRepository } from './organisation.repository.js';
import type { UpdateRequest } from './organisation-requests.js';

/** Renames, re-addresses or re-parents an active organisation; a request that changes nothing records nothing. */
@Injectable()
export class UpdateOrganisationHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationRepository) private readonly repo: OrganisationRepository,
    @Inject(OrganisationJournal) private readonly journal: OrganisationJournal,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async execute(code: string, request: UpdateRequest, actor: string): Promise<Organisation> {
    const org = await this.dataSource.transaction(async (em) => {
      const current = await this.repo.find(em, code, 'update');
      if (!current) throw OrganisationErrors.notFound(code);
      if (current.status !== 'ACTIVE') throw OrganisationErrors.notActive(code, current.status);
      const next: Organisation = {
        ...current,
        name: request.name ?? current.name,
        address: request.address !== undefined ? request.address : current.address,
        parentCode: request.parentCode !== undefined ? request.parentCode : current.parentCode,
      };
      if (!differs(current, next)) return current;
      if (next.parentCode !== current.parentCode) {
        const parent = next.parentCode ? await this.repo.find(em, next.parentCode, 'share') : null;
        const problem = parentProblem(current.level, next.parentCode, parent ?? undefined);
        if (problem) throw problem;
      }
      next.version = current.version + 1;
      await this.repo.updateMany(em, [next]);
      await this.journal.record(em, [{ org: next, change: 'UPDATED' }], actor);
      return next;
    });
    this.relay.nudge();
    return org;
  }
}
