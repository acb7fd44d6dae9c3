import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { DirectoryRepository } from './directory.repository.js';
import { RecordEnrolmentsHandler } from './record-enrolments.handler.js';

/** Keeps the routing directory in step with identity's organisations and enrolments. */
@Controller()
export class IdentityEventsKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(DirectoryRepository) private readonly directory: DirectoryRepository,
    @Inject(RecordEnrolmentsHandler) private readonly enrolments: RecordEnrolmentsHandler,
  ) {}

  @EventPattern<string>(Topics.OrganisationRegistered)
  async onOrganisationRegistered(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.OrganisationRegistered, batch.messages, (org, c) => this.directory.upsertOrganisation(c.em, org));
  }

  @EventPattern<string>(Topics.StudentEnrolled)
  async onStudentEnrolled(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.StudentEnrolled, batch.messages, this.enrolments);
  }
}
