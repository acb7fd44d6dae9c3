import { Topics, uuidv7, type EventPayload } from '@edu/contracts';
import { OutboxWriter, type EventContext } from '@edu/messaging';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { needsSeal } from './institution.js';
import { KeyStore } from './key-store.js';
import { SealDirectory } from './seal-directory.js';

type OrganisationRegistered = EventPayload<typeof Topics.OrganisationRegistered>;

/**
 * Keeps signing's organisation directory current and, for an active institution without a seal key, creates one and
 * asks identity to certify it. The unique PENDING index makes a racing duplicate fail and retry into a no-op.
 */
@Injectable()
export class RegisterOrganisationHandler {
  constructor(
    @Inject(SealDirectory) private readonly directory: SealDirectory,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(event: OrganisationRegistered, ctx: EventContext): Promise<void> {
    if (!event.code) throw SigningErrors.eventIncomplete('code');
    if (!event.level) throw SigningErrors.eventIncomplete('level');
    if (!event.status) throw SigningErrors.eventIncomplete('status');
    await this.directory.upsertOrganisation(ctx.em, { code: event.code, name: event.name, level: event.level, status: event.status });

    if (!needsSeal(event) || (await this.directory.hasLiveKey(ctx.em, event.code))) return;
    const keyId = uuidv7();
    const { envelope, publicKeyPem } = await this.keys.createSealKey();
    await this.directory.insertPendingKey(ctx.em, { keyId, orgCode: event.code, envelope, publicKeyPem });
    await this.outbox.append(ctx.em, event.code, {
      type: Topics.SealKeyRegistered,
      correlationId: ctx.meta.correlationId,
      causationId: ctx.meta.eventId,
      payload: { orgCode: event.code, keyId, publicKeyPem },
    });
  }
}
