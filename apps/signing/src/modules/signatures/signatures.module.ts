import { Module } from '@nestjs/common';
import { SealsModule } from '../seals/seals.module.js';
import { DocumentSubmittedKafkaController } from './document-submitted.kafka.controller.js';
import { SignDocumentHandler } from './sign-document.handler.js';
import { SignatureRecords } from './signature-records.js';

@Module({
  imports: [SealsModule],
  controllers: [DocumentSubmittedKafkaController],
  providers: [{ provide: SignatureRecords, useValue: new SignatureRecords() }, SignDocumentHandler],
})
export class SignaturesModule {}
