import { Topics } from '@edu/contracts';
import { InboxConsumer } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { ArchiveDocumentHandler } from './archive-document.handler.js';

@Controller()
export class DocumentSignedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(ArchiveDocumentHandler) private readonly handler: ArchiveDocumentHandler,
  ) {}

  @EventPattern<string>(Topics.DocumentSigned)
  async onDocumentSigned(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(Topics.DocumentSigned, ctx.getMessage(), (event, c) => this.handler.execute(event, c));
  }
}
