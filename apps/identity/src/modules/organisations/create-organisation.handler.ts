import { OutboxRelay } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { Organisation, OrganisationDraft } from './organisation.js';
import { OrganisationErrors } from './organisation-errors.js';
import { OrganisationJournal } from './organisation-journal.js';
import { parentProblem } from './organisation-rules.js';
import { OrganisationRepository } from './organisation.repository.js';

/** Registers a new organisation under an active parent. A code ever issued, even to a closed one, is refused. */
@Injectable()
export class CreateOrganisationHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationRepository) private readonly repo: OrganisationRepository,
    @Inject(OrganisationJournal) private readonly journal: OrganisationJournal,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async execute(draft: OrganisationDraft, actor: string): Promise<Organisation> {
    const org = await this.dataSource.transaction(async (em) => {
      // The parent is share-locked: it cannot be closed or merged until this child is in.
      const parent = draft.parentCode ? await this.repo.find(em, draft.parentCode, 'share') : null;
      const problem = parentProblem(draft.level, draft.parentCode, parent ?? undefined);
      if (problem) throw problem;
      const created: Organisation = { ...draft, status: 'ACTIVE', mergedInto: null, version: 1 };
      if ((await this.repo.insertMany(em, [created])).length) throw OrganisationErrors.codeTaken(draft.code);
      await this.journal.record(em, [{ org: created, change: 'CREATED' }], actor);
      return created;
    });
    this.relay.nudge();
    return org;
  }
}
