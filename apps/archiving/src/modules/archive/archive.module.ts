import { Module } from '@nestjs/common';
import { ArchiveDocumentHandler } from './archive-document.handler.js';
import { DocumentSignedKafkaController } from './document-signed.kafka.controller.js';

@Module({
  controllers: [DocumentSignedKafkaController],
  providers: [ArchiveDocumentHandler],
})
export class ArchiveModule {}
