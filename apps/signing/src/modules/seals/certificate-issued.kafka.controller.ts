import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { CustodyPersonKeys } from '../custody/person-keys.js';
import { TimeStampUnit } from '../custody/time-stamp-unit.js';
import { RecordSignerCertificateHandler } from '../signers/record-signer-certificate.handler.js';
import { ActivateSealHandler } from './activate-seal.handler.js';

/**
 * Seal and time-stamping certificates activate a key in custody; people's certificates join the signer directory and,
 * when signing holds the key, activate it.
 */
@Controller()
export class CertificateIssuedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(ActivateSealHandler) private readonly seals: ActivateSealHandler,
    @Inject(RecordSignerCertificateHandler) private readonly people: RecordSignerCertificateHandler,
    @Inject(CustodyPersonKeys) private readonly personKeys: CustodyPersonKeys,
    @Inject(TimeStampUnit) private readonly timeStamps: TimeStampUnit,
  ) {}

  @EventPattern<string>(Topics.CertificateIssued)
  async onCertificateIssued(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.CertificateIssued, batch.messages, async (event, c) => {
      if (event.purpose === 'tsa') return this.timeStamps.activate(c.em, event);
      if (event.purpose !== 'person') return this.seals.execute(event, c);
      await this.people.execute(event, c);
      await this.personKeys.activate(c.em, event);
    });
  }
}
