import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ActivateSealHandler } from './activate-seal.handler.js';

@Controller()
export class CertificateIssuedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(ActivateSealHandler) private readonly handler: ActivateSealHandler,
  ) {}

  @EventPattern<string>(Topics.CertificateIssued)
  async onCertificateIssued(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.CertificateIssued, batch.messages, (event, c) => this.handler.execute(event, c));
  }
}
