import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IssueSealCertificateHandler } from './issue-seal-certificate.handler.js';

@Controller()
export class SealKeyRegisteredKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(IssueSealCertificateHandler) private readonly handler: IssueSealCertificateHandler,
  ) {}

  @EventPattern<string>(Topics.SealKeyRegistered)
  async onSealKeyRegistered(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.SealKeyRegistered, batch.messages, (event, c) => this.handler.execute(event, c));
  }
}
