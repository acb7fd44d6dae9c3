import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RegisterOrganisationHandler } from './register-organisation.handler.js';

@Controller()
export class OrganisationRegisteredKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(RegisterOrganisationHandler) private readonly handler: RegisterOrganisationHandler,
  ) {}

  @EventPattern<string>(Topics.OrganisationRegistered)
  async onOrganisationRegistered(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.OrganisationRegistered, batch.messages, (event, c) => this.handler.execute(event, c));
  }
}
