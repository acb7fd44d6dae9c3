import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RecordSignerCertificateHandler } from '../signers/record-signer-certificate.handler.js';
import { ActivateSealHandler } from './activate-seal.handler.js';

/** Seal certificates activate a key in custody; people's certificates join the signer directory. */
@Controller()
export class CertificateIssuedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(ActivateSealHandler) private readonly seals: ActivateSealHandler,
    @Inject(RecordSignerCertificateHandler) private readonly people: RecordSignerCertificateHandler,
  ) {}

  @EventPattern<string>(Topics.CertificateIssued)
  async onCertificateIssued(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.CertificateIssued, batch.messages, (event, c) =>
      event.purpose === 'person' ? this.people.execute(event, c) : this.seals.execute(event, c),
    );
  }
}
