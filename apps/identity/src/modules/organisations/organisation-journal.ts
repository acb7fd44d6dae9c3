import { Topics } from '@edu/contracts';
import { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { Organisation, OrganisationChange } from './organisation.js';

export interface JournalEntry {
  org: Organisation;
  change: OrganisationChange;
  reason?: string | null;
}

/**
 * Every version of an organisation goes to organisation_history and out as an OrganisationRegistered snapshot, in the
 * caller's transaction: the registry, its history and its events never disagree.
 */
@Injectable()
export class OrganisationJournal {
  constructor(@Inject(OutboxWriter) private readonly outbox: OutboxWriter) {}

  async record(em: EntityManager, entries: JournalEntry[], actor: string): Promise<void> {
    if (!entries.length) return;
    const orgs = entries.map((e) => e.org);
    await em.query(
      `INSERT INTO organisation_history (code, version, change, name, level, parent_code, address, status, merged_into, reason, actor)
       SELECT t.*, $11 FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) AS t`,
      [orgs.map((o) => o.code), orgs.map((o) => o.version), entries.map((e) => e.change), orgs.map((o) => o.name),
        orgs.map((o) => o.level), orgs.map((o) => o.parentCode), orgs.map((o) => o.address), orgs.map((o) => o.status),
        orgs.map((o) => o.mergedInto), entries.map((e) => e.reason ?? null), actor],
    );
    await this.outbox.appendMany(em, entries.map(({ org, change }) => ({
      key: org.code,
      event: {
        type: Topics.OrganisationRegistered,
        payload: {
          code: org.code,
          name: org.name,
          level: org.level,
          parentCode: org.parentCode ?? '',
          status: org.status,
          address: org.address ?? '',
          mergedInto: org.mergedInto ?? '',
          change,
        },
      },
    })));
  }
}
