import { Global, Module } from '@nestjs/common';
import { DirectoryRepository } from './directory.repository.js';
import { IdentityEventsKafkaController } from './identity-events.kafka.controller.js';

@Global()
@Module({
  controllers: [IdentityEventsKafkaController],
  providers: [DirectoryRepository],
  exports: [DirectoryRepository],
})
export class DirectoryModule {}
