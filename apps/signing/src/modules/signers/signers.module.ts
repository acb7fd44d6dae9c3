import { Module } from '@nestjs/common';
import { PersonRegisteredKafkaController } from './person-registered.kafka.controller.js';
import { RecordSignerCertificateHandler } from './record-signer-certificate.handler.js';
import { SignerDirectory } from './signer-directory.js';

@Module({
  controllers: [PersonRegisteredKafkaController],
  providers: [{ provide: SignerDirectory, useValue: new SignerDirectory() }, RecordSignerCertificateHandler],
  exports: [SignerDirectory, RecordSignerCertificateHandler],
})
export class SignersModule {}
