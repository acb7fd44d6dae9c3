import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { SignDocumentHandler } from './sign-document.handler.js';

@Controller()
export class DocumentSubmittedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(SignDocumentHandler) private readonly handler: SignDocumentHandler,
  ) {}

  @EventPattern<string>(Topics.DocumentSubmitted)
  async onDocumentSubmitted(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentSubmitted, batch.messages, this.handler);
  }
}
