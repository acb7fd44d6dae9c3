import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { TrackDocumentsHandler } from './track-documents.handler.js';

@Controller()
export class TrackDocumentsKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(TrackDocumentsHandler) private readonly handler: TrackDocumentsHandler,
  ) {}

  @EventPattern<string>(Topics.DocumentSigned)
  async onDocumentSigned(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentSigned, batch.messages, (e, c) => this.handler.signed(e, c));
  }

  @EventPattern<string>(Topics.DocumentArchived)
  async onDocumentArchived(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentArchived, batch.messages, (e, c) => this.handler.archived(e, c));
  }
}
