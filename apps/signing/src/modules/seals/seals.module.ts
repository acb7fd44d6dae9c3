import { Module } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { ActivateSealHandler } from './activate-seal.handler.js';
import { CertificateIssuedKafkaController } from './certificate-issued.kafka.controller.js';
import { KeyStore, SoftwareKeyStore } from './key-store.js';
import { OrganisationRegisteredKafkaController } from './organisation-registered.kafka.controller.js';
import { RegisterOrganisationHandler } from './register-organisation.handler.js';
import { SealDirectory } from './seal-directory.js';
import { SealSigners } from './seal-signers.js';
import { SealsHttpController } from './seals.http.controller.js';

@Module({
  controllers: [OrganisationRegisteredKafkaController, CertificateIssuedKafkaController, SealsHttpController],
  providers: [
    { provide: SealDirectory, useValue: new SealDirectory() },
    { provide: KeyStore, useFactory: (c: SigningConfig) => new SoftwareKeyStore(c.EDU_KEK), inject: [SIGNING_CONFIG] },
    SealSigners,
    RegisterOrganisationHandler,
    ActivateSealHandler,
  ],
  exports: [SealSigners],
})
export class SealsModule {}
