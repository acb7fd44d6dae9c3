import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ArchiveDocumentHandler } from './archive-document.handler.js';

@Controller()
export class DocumentSignedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(ArchiveDocumentHandler) private readonly handler: ArchiveDocumentHandler,
  ) {}

  @EventPattern<string>(Topics.DocumentSigned)
  async onDocumentSigned(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentSigned, batch.messages, this.handler);
  }
}
