import { Module } from '@nestjs/common';
import { SealsModule } from '../seals/seals.module.js';
import { InstitutionSeal } from './institution-seal.js';
import { SignatureRecords } from './signature-records.js';
import { SignaturesHttpController } from './signatures.http.controller.js';
import { StagedContent } from './staged-content.js';

/** The signatures made over documents, the content they cover, and the institutions' seals that make them. */
@Module({
  imports: [SealsModule],
  controllers: [SignaturesHttpController],
  providers: [{ provide: SignatureRecords, useValue: new SignatureRecords() }, StagedContent, InstitutionSeal],
  exports: [SignatureRecords, StagedContent, InstitutionSeal],
})
export class SignaturesModule {}
