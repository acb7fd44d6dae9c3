import { Module } from '@nestjs/common';
import { CustodyModule } from '../custody/custody.module.js';
import { SignaturesModule } from '../signatures/signatures.module.js';
import { RecordPdfs } from './record-pdfs.js';
import { RenditionsHttpController } from './renditions.http.controller.js';

@Module({
  imports: [CustodyModule, SignaturesModule],
  controllers: [RenditionsHttpController],
  providers: [RecordPdfs],
})
export class RenditionsModule {}
