import { OutboxRelay } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { Organisation } from './organisation.js';
import { OrganisationErrors } from './organisation-errors.js';
import { OrganisationJournal } from './organisation-journal.js';
import { OrganisationRepository } from './organisation.repository.js';

/**
 * Merges an active organisation into an active one of the same level: it becomes MERGED with `mergedInto`, and its
 * active children move to the target (each an UPDATED version). Closed children keep their historical parent.
 */
@Injectable()
export class MergeOrganisationHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OrganisationRepository) private readonly repo: OrganisationRepository,
    @Inject(OrganisationJournal) private readonly journal: OrganisationJournal,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async execute(code: string, into: string, actor: string): Promise<Organisation> {
    if (code === into) throw OrganisationErrors.mergeIntoSelf();
    const org = await this.dataSource.transaction(async (em) => {
      // Both rows locked in code order, so that A→B and B→A at once cannot deadlock.
      const [first, second] = [code, into].sort();
      const locked = new Map([[first, await this.repo.find(em, first, 'update')], [second, await this.repo.find(em, second, 'update')]]);
      const source = locked.get(code);
      const target = locked.get(into);
      if (!source) throw OrganisationErrors.notFound(code);
      if (!target) throw OrganisationErrors.notFound(into, 'into');
      if (source.status !== 'ACTIVE') throw OrganisationErrors.notActive(code, source.status);
      if (target.status !== 'ACTIVE') throw OrganisationErrors.notActive(into, target.status, 'into');
      if (source.level !== target.level) throw OrganisationErrors.mergeAcrossLevels(source.level, target.level);

      const merged: Organisation = { ...source, status: 'MERGED', mergedInto: into, version: source.version + 1 };
      const moved = (await this.repo.activeChildren(em, code)).map((c) => ({ ...c, parentCode: into, version: c.version + 1 }));
      await this.repo.updateMany(em, [merged, ...moved]);
      await this.journal.record(em, [
        { org: merged, change: 'MERGED' },
        ...moved.map((c) => ({ org: c, change: 'UPDATED' as const, reason: `${code} merged into ${into}` })),
      ], actor);
      return merged;
    });
    this.relay.nudge();
    return org;
  }
}
