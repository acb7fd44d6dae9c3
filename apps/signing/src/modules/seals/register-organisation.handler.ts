import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext } from '@edu/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { needsSeal } from './institution.js';
import { SealDirectory } from './seal-directory.js';
import { SealKeyRequests } from './seal-key-requests.js';

type OrganisationRegistered = EventPayload<typeof Topics.OrganisationRegistered>;

/**
 * Keeps signing's organisation directory current and, for an active institution without a seal key, creates one and
 * asks identity to certify it (a revoked seal waits for an operator). The unique PENDING index makes a racing duplicate fail and retry into a no-op.
 */
@Injectable()
export class RegisterOrganisationHandler {
  constructor(
    @Inject(SealDirectory) private readonly directory: SealDirectory,
    @Inject(SealKeyRequests) private readonly requests: SealKeyRequests,
  ) {}

  async execute(event: OrganisationRegistered, ctx: EventContext): Promise<void> {
    if (!event.code) throw SigningErrors.eventIncomplete('code');
    if (!event.level) throw SigningErrors.eventIncomplete('level');
    if (!event.status) throw SigningErrors.eventIncomplete('status');
    await this.directory.upsertOrganisation(ctx.em, { code: event.code, name: event.name, level: event.level, status: event.status });

    if (!needsSeal(event) || (await this.directory.hasSealKey(ctx.em, event.code))) return;
    await this.requests.request(ctx.em, event.code, { correlationId: ctx.meta.correlationId, causationId: ctx.meta.eventId });
  }
}
