import { Topics } from '@edu/contracts';
import { InboxConsumer } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { SignDocumentHandler } from './sign-document.handler.js';

@Controller()
export class DocumentSubmittedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(SignDocumentHandler) private readonly handler: SignDocumentHandler,
  ) {}

  @EventPattern<string>(Topics.DocumentSubmitted)
  async onDocumentSubmitted(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(Topics.DocumentSubmitted, ctx.getMessage(), (event, c) => this.handler.execute(event, c));
  }
}
