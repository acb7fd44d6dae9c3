import { Topics } from '@edu/contracts';
import { InboxConsumer } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { Ctx, EventPattern, KafkaContext } from '@nestjs/microservices';
import { ActivateSealHandler } from './activate-seal.handler.js';

@Controller()
export class CertificateIssuedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(ActivateSealHandler) private readonly handler: ActivateSealHandler,
  ) {}

  @EventPattern<string>(Topics.CertificateIssued)
  async onCertificateIssued(@Ctx() ctx: KafkaContext): Promise<void> {
    await this.inbox.consume(Topics.CertificateIssued, ctx.getMessage(), (event, c) => this.handler.execute(event, c));
  }
}
