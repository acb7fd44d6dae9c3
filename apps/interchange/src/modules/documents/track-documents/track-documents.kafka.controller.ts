import { Topics } from '@edu/contracts';
import { InboxConsumer } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { TrackDocumentsHandler } from './track-documents.handler.js';

@Controller()
export class TrackDocumentsKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(TrackDocumentsHandler) private readonly handler: TrackDocumentsHandler,
  ) {}

  @EventPattern<string>(Topics.DocumentSigned)
  async onDocumentSigned(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(Topics.DocumentSigned, ctx.getMessage(), (e, c) => this.handler.signed(e, c));
  }

  @EventPattern<string>(Topics.DocumentArchived)
  async onDocumentArchived(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(Topics.DocumentArchived, ctx.getMessage(), (e, c) => this.handler.archived(e, c));
  }
}
