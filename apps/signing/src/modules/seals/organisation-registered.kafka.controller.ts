import { Topics } from '@edu/contracts';
import { InboxConsumer } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { RegisterOrganisationHandler } from './register-organisation.handler.js';

@Controller()
export class OrganisationRegisteredKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(RegisterOrganisationHandler) private readonly handler: RegisterOrganisationHandler,
  ) {}

  @EventPattern<string>(Topics.OrganisationRegistered)
  async onOrganisationRegistered(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(Topics.OrganisationRegistered, ctx.getMessage(), (event, c) => this.handler.execute(event, c));
  }
}
