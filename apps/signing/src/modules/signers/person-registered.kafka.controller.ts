import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { SigningErrors } from '../../signing-errors.js';
import { SignerDirectory } from './signer-directory.js';

/** Keeps the signer directory in step with identity's people. */
@Controller()
export class PersonRegisteredKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(SignerDirectory) private readonly signers: SignerDirectory,
  ) {}

  @EventPattern<string>(Topics.PersonRegistered)
  async onPersonRegistered(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.PersonRegistered, batch.messages, async (p, c) => {
      if (!p.personId) throw SigningErrors.eventIncomplete('personId');
      if (!p.orgCode) throw SigningErrors.eventIncomplete('orgCode');
      await this.signers.upsertSigner(c.em, { personId: p.personId, orgCode: p.orgCode, fullName: p.fullName, role: p.role, status: p.status || 'ACTIVE' });
    });
  }
}
