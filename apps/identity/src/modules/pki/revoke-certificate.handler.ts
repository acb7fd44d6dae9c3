import type { Principal } from '@edu/auth';
import { Topics } from '@edu/contracts';
import { OutboxWriter } from '@edu/messaging';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { assertMayManage } from './certificate-access.js';
import type { RevokeCertificateCommand } from './certificate-requests.js';
import { certificateView, type CertificateView } from './certificate-view.js';
import { CertificateRepository } from './certificate.repository.js';
import { CrlPublisher } from './crl-publisher.js';
import { PLATFORM_EVENT_KEY } from './issued-certificates.js';
import { OcspResponseCache } from './ocsp-response-cache.js';
import { PkiErrors } from './pki-errors.js';

/**
 * Revokes a certificate. In one transaction: the record, the pre-signed OCSP answers dropped, a new CRL signed and
 * stored, and CertificateRevoked in the outbox, so no instance serves `good` once the revocation is visible.
 */
@Injectable()
export class RevokeCertificateHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CertificateRepository) private readonly certificates: CertificateRepository,
    @Inject(OcspResponseCache) private readonly ocspCache: OcspResponseCache,
    @Inject(CrlPublisher) private readonly crls: CrlPublisher,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async execute(principal: Principal, serialHex: string, command: RevokeCertificateCommand): Promise<CertificateView> {
    return this.dataSource.transaction(async (em) => {
      const certificate = await this.certificates.find(em, serialHex, true);
      if (!certificate) throw PkiErrors.certificateNotFound(serialHex);
      assertMayManage(principal, certificate.profile, certificate.orgCode);
      if (certificate.status === 'REVOKED') throw PkiErrors.alreadyRevoked(serialHex);
      const revokedAt = await this.certificates.markRevoked(em, serialHex, command.reason, command.invalidityDate);
      await this.ocspCache.invalidate(em, serialHex);
      await this.crls.publish(em, certificate.issuer);
      await this.outbox.append(em, certificate.orgCode ?? PLATFORM_EVENT_KEY, {
        type: Topics.CertificateRevoked,
        payload: {
          orgCode: certificate.orgCode ?? '',
          keyId: certificate.keyId ?? '',
          purpose: certificate.profile,
          serialHex,
          reason: command.reason,
          revokedAt: revokedAt.toISOString(),
          subjectPersonId: certificate.subjectPersonId ?? '',
        },
      });
      return certificateView({ ...certificate, status: 'REVOKED', revokedAt, revocationReason: command.reason, invalidityDate: command.invalidityDate });
    });
  }
}
