import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RevokeCertificateHandler } from './revoke-certificate.handler.js';

@Controller()
export class CertificateRevokedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(RevokeCertificateHandler) private readonly handler: RevokeCertificateHandler,
  ) {}

  @EventPattern<string>(Topics.CertificateRevoked)
  async onCertificateRevoked(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.CertificateRevoked, batch.messages, (event, c) => this.handler.execute(event, c));
  }
}
