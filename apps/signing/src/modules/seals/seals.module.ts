import { Module } from '@nestjs/common';
import { CustodyModule } from '../custody/custody.module.js';
import { ActivateSealHandler } from './activate-seal.handler.js';
import { SignersModule } from '../signers/signers.module.js';
import { CertificateIssuedKafkaController } from './certificate-issued.kafka.controller.js';
import { CertificateRevokedKafkaController } from './certificate-revoked.kafka.controller.js';
import { OrganisationRegisteredKafkaController } from './organisation-registered.kafka.controller.js';
import { RegisterOrganisationHandler } from './register-organisation.handler.js';
import { RevokeCertificateHandler } from './revoke-certificate.handler.js';
import { SealDirectory } from './seal-directory.js';
import { SealKeyRequests } from './seal-key-requests.js';
import { SealSigners } from './seal-signers.js';
import { SealsHttpController } from './seals.http.controller.js';

@Module({
  imports: [SignersModule, CustodyModule],
  controllers: [OrganisationRegisteredKafkaController, CertificateIssuedKafkaController, CertificateRevokedKafkaController, SealsHttpController],
  providers: [
    { provide: SealDirectory, useValue: new SealDirectory() },
    SealSigners,
    SealKeyRequests,
    RegisterOrganisationHandler,
    ActivateSealHandler,
    RevokeCertificateHandler,
  ],
  exports: [SealSigners],
})
export class SealsModule {}
