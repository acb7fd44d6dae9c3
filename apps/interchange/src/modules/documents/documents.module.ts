import { Module } from '@nestjs/common';
import { FeedHttpController } from '../feed/feed.http.controller.js';
import { DocumentTypesHttpController } from './document-types.http.controller.js';
import { DocumentsHttpController } from './documents.http.controller.js';
import { DocumentRepository } from './read-documents/document.repository.js';
import { SubmitDocumentHandler } from './submit-document/submit-document.handler.js';
import { TrackDocumentsHandler } from './track-documents/track-documents.handler.js';
import { TrackDocumentsKafkaController } from './track-documents/track-documents.kafka.controller.js';

@Module({
  controllers: [DocumentsHttpController, DocumentTypesHttpController, FeedHttpController, TrackDocumentsKafkaController],
  providers: [SubmitDocumentHandler, DocumentRepository, TrackDocumentsHandler],
})
export class DocumentsModule {}
