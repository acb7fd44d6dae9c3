import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RecordAssignmentsHandler } from './record-assignments.handler.js';

/** Keeps the teacher assignments in step with identity's. */
@Controller()
export class TeacherAssignedKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(RecordAssignmentsHandler) private readonly handler: RecordAssignmentsHandler,
  ) {}

  @EventPattern<string>(Topics.TeacherAssigned)
  async onTeacherAssigned(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.TeacherAssigned, batch.messages, this.handler);
  }
}
