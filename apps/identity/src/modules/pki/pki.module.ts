import { Module } from '@nestjs/common';
import { CertificateAuthority } from './certificate-authority.js';
import { IssueSealCertificateHandler } from './issue-seal-certificate.handler.js';
import { PkiHttpController } from './pki.http.controller.js';
import { SealKeyRegisteredKafkaController } from './seal-key-registered.kafka.controller.js';

@Module({
  controllers: [PkiHttpController, SealKeyRegisteredKafkaController],
  providers: [CertificateAuthority, IssueSealCertificateHandler],
})
export class PkiModule {}
