import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { StartWorkflowHandler } from './start-workflow.handler.js';

@Controller()
export class DocumentSubmittedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(StartWorkflowHandler) private readonly handler: StartWorkflowHandler,
  ) {}

  @EventPattern<string>(Topics.DocumentSubmitted)
  async onDocumentSubmitted(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentSubmitted, batch.messages, this.handler);
  }
}
