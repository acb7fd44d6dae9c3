import { Topics } from '@edu/contracts';
import { InboxConsumer } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { IssueSealCertificateHandler } from './issue-seal-certificate.handler.js';

@Controller()
export class SealKeyRegisteredKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(IssueSealCertificateHandler) private readonly handler: IssueSealCertificateHandler,
  ) {}

  @EventPattern<string>(Topics.SealKeyRegistered)
  async onSealKeyRegistered(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(Topics.SealKeyRegistered, ctx.getMessage(), (event, c) => this.handler.execute(event, c));
  }
}
