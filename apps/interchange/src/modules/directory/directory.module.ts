import { Global, Module } from '@nestjs/common';
import { DirectoryRepository } from './directory.repository.js';
import { IdentityEventsKafkaController } from './identity-events.kafka.controller.js';
import { RecordEnrolmentsHandler } from './record-enrolments.handler.js';

@Global()
@Module({
  controllers: [IdentityEventsKafkaController],
  providers: [DirectoryRepository, RecordEnrolmentsHandler],
  exports: [DirectoryRepository],
})
export class DirectoryModule {}
