import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext } from '@edu/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { TimeStampUnit } from '../custody/time-stamp-unit.js';
import { needsSeal } from './institution.js';
import { SealDirectory } from './seal-directory.js';
import { SealKeyRequests } from './seal-key-requests.js';

type OrganisationRegistered = EventPayload<typeof Topics.OrganisationRegistered>;
const FINAL_STATUSES = new Set(['CLOSED', 'MERGED']);

/**
 * Keeps signing's organisation directory current and, for an active institution without a seal key, creates one and
 * asks identity to certify it (a revoked seal waits for an operator). The provincial department's arrival also
 * gets the time-stamping unit its key. The unique PENDING index makes a racing duplicate fail and retry into a no-op.
 */
@Injectable()
export class RegisterOrganisationHandler {
  constructor(
    @Inject(SealDirectory) private readonly directory: SealDirectory,
    @Inject(SealKeyRequests) private readonly requests: SealKeyRequests,
    @Inject(TimeStampUnit) private readonly timeStamps: Pick<TimeStampUnit, 'requestKeyIfMissing'>,
  ) {}

  async execute(event: OrganisationRegistered, ctx: EventContext): Promise<void> {
    if (!event.code) throw SigningErrors.eventIncomplete('code');
    if (!event.level) throw SigningErrors.eventIncomplete('level');
    if (!event.status) throw SigningErrors.eventIncomplete('status');
    // Closing and merging are final in identity: a late or replayed ACTIVE snapshot neither revives the organisation
    // nor gives it a new seal key.
    const known = await this.directory.findOrganisation(ctx.em, event.code);
    const status = known && FINAL_STATUSES.has(known.status) ? known.status : event.status;
    await this.directory.upsertOrganisation(ctx.em, { code: event.code, name: event.name, level: event.level, status });
    const cause = { correlationId: ctx.meta.correlationId, causationId: ctx.meta.eventId };
    if (status === 'ACTIVE') await this.timeStamps.requestKeyIfMissing(ctx.em, event.code, cause);

    if (!needsSeal({ level: event.level, status }) || (await this.directory.hasSealKey(ctx.em, event.code))) return;
    await this.requests.request(ctx.em, event.code, cause);
  }
}
