import { Module } from '@nestjs/common';
import { FeedHttpController } from '../feed/feed.http.controller.js';
import { DocumentTypesHttpController } from './document-types.http.controller.js';
import { DocumentsHttpController } from './documents.http.controller.js';
import { SigningReads } from './read-documents/signing-reads.js';
import { DocumentRepository } from './read-documents/document.repository.js';
import { SubmitDocumentHandler } from './submit-document/submit-document.handler.js';
import { RecordArchivedHandler } from './track-documents/record-archived.handler.js';
import { RecordRejectedHandler } from './track-documents/record-rejected.handler.js';
import { RecordSignatureRequestedHandler } from './track-documents/record-signature-requested.handler.js';
import { RecordSignedHandler } from './track-documents/record-signed.handler.js';
import { RecordSigningFailedHandler } from './track-documents/record-signing-failed.handler.js';
import { TrackDocumentsKafkaController } from './track-documents/track-documents.kafka.controller.js';

@Module({
  controllers: [DocumentsHttpController, DocumentTypesHttpController, FeedHttpController, TrackDocumentsKafkaController],
  providers: [SubmitDocumentHandler, DocumentRepository, RecordSignedHandler, RecordArchivedHandler, RecordSigningFailedHandler,
    RecordSignatureRequestedHandler, RecordRejectedHandler, SigningReads],
})
export class DocumentsModule {}
