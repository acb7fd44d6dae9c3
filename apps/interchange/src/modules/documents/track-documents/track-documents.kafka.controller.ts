import { Topics } from '@edu/contracts';
import { InboxConsumer, type EventBatch } from '@edu/messaging';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { RecordArchivedHandler } from './record-archived.handler.js';
import { RecordRejectedHandler } from './record-rejected.handler.js';
import { RecordSignatureRequestedHandler } from './record-signature-requested.handler.js';
import { RecordSignedHandler } from './record-signed.handler.js';
import { RecordSigningFailedHandler } from './record-signing-failed.handler.js';

@Controller()
export class TrackDocumentsKafkaController {
  constructor(
    @Inject(InboxConsumer) private readonly inbox: InboxConsumer,
    @Inject(RecordSignedHandler) private readonly signed: RecordSignedHandler,
    @Inject(RecordArchivedHandler) private readonly archived: RecordArchivedHandler,
    @Inject(RecordSigningFailedHandler) private readonly failed: RecordSigningFailedHandler,
    @Inject(RecordSignatureRequestedHandler) private readonly requested: RecordSignatureRequestedHandler,
    @Inject(RecordRejectedHandler) private readonly rejected: RecordRejectedHandler,
  ) {}

  @EventPattern<string>(Topics.DocumentSigned)
  async onDocumentSigned(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentSigned, batch.messages, this.signed);
  }

  @EventPattern<string>(Topics.DocumentArchived)
  async onDocumentArchived(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentArchived, batch.messages, this.archived);
  }

  @EventPattern<string>(Topics.DocumentSigningFailed)
  async onDocumentSigningFailed(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentSigningFailed, batch.messages, this.failed);
  }

  @EventPattern<string>(Topics.SignatureRequested)
  async onSignatureRequested(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.SignatureRequested, batch.messages, this.requested);
  }

  @EventPattern<string>(Topics.DocumentRejected)
  async onDocumentRejected(@Payload() batch: EventBatch): Promise<void> {
    await this.inbox.consumeBatch(Topics.DocumentRejected, batch.messages, this.rejected);
  }
}
