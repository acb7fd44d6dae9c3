import { Module } from '@nestjs/common';
import { CertificateAuthority } from './certificate-authority.js';
import { CertificateQueries } from './certificate-queries.js';
import { CertificateRepository } from './certificate.repository.js';
import { CertificatesHttpController } from './certificates.http.controller.js';
import { CrlPublisher } from './crl-publisher.js';
import { IssueCertificateHandler } from './issue-certificate.handler.js';
import { IssueSealCertificateHandler } from './issue-seal-certificate.handler.js';
import { IssuedCertificates } from './issued-certificates.js';
import { OcspResponder } from './ocsp-responder.js';
import { OcspResponderKeys } from './ocsp-responder-keys.js';
import { OcspResponseCache } from './ocsp-response-cache.js';
import { PkiMaintenance } from './pki-maintenance.js';
import { PkiHttpController } from './pki.http.controller.js';
import { RenewCertificateHandler } from './renew-certificate.handler.js';
import { RevokeCertificateHandler } from './revoke-certificate.handler.js';
import { SealKeyRegisteredKafkaController } from './seal-key-registered.kafka.controller.js';
import { SignerDirectory } from './signer-directory.js';
import { SubjectPolicy } from './subject-policy.js';
import { TrustAnchorRegistry } from './trust-anchor-registry.js';
import { TrustAnchorsHttpController } from './trust-anchors.http.controller.js';

@Module({
  controllers: [PkiHttpController, CertificatesHttpController, TrustAnchorsHttpController, SealKeyRegisteredKafkaController],
  providers: [
    CertificateAuthority,
    CertificateRepository,
    IssuedCertificates,
    SignerDirectory,
    SubjectPolicy,
    CrlPublisher,
    OcspResponseCache,
    OcspResponderKeys,
    OcspResponder,
    PkiMaintenance,
    TrustAnchorRegistry,
    CertificateQueries,
    IssueCertificateHandler,
    RenewCertificateHandler,
    RevokeCertificateHandler,
    IssueSealCertificateHandler,
  ],
})
export class PkiModule {}
