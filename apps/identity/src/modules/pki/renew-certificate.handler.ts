import type { Principal } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { assertMayManage } from './certificate-access.js';
import { CertificateAuthority } from './certificate-authority.js';
import type { RenewCertificateCommand } from './certificate-requests.js';
import { certificateDetail, type CertificateDetail } from './certificate-view.js';
import { CertificateRepository } from './certificate.repository.js';
import { checkCertificationRequest, checkSubjectKey } from './certification-request-check.js';
import { IssuedCertificates } from './issued-certificates.js';
import { PkiErrors } from './pki-errors.js';
import { SubjectPolicy } from './subject-policy.js';

/**
 * Issues the successor of a certificate: same profile and subject (checked against the registry again), the key from
 * a new CSR or, without one, the same key. The predecessor is not revoked: it stays valid until it expires or an
 * operator revokes it (e.g. as superseded), so signing can switch over without a gap. One successor per certificate.
 */
@Injectable()
export class RenewCertificateHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(CertificateRepository) private readonly certificates: CertificateRepository,
    @Inject(SubjectPolicy) private readonly policy: SubjectPolicy,
    @Inject(IssuedCertificates) private readonly issued: IssuedCertificates,
  ) {}

  async execute(principal: Principal, serialHex: string, command: RenewCertificateCommand): Promise<CertificateDetail> {
    const request = command.csrPem ? checkCertificationRequest(command.csrPem) : undefined;
    return this.dataSource.transaction(async (em) => {
      const old = await this.certificates.find(em, serialHex, true);
      if (!old) throw PkiErrors.certificateNotFound(serialHex);
      assertMayManage(principal, old.profile, old.orgCode);
      if (!old.orgCode) throw PkiErrors.notRenewable(serialHex);
      if (old.status === 'REVOKED') throw PkiErrors.alreadyRevoked(serialHex);
      if (old.replacedBy) throw PkiErrors.alreadyRenewed(serialHex, old.replacedBy);
      const publicKey = request?.publicKey ?? new X509Certificate(old.certificatePem).publicKey;
      checkSubjectKey(publicKey);
      const approved = await this.policy.approve(em, {
        profile: old.profile,
        orgCode: old.orgCode,
        personId: old.subjectPersonId ?? undefined,
        requested: request?.subject ?? { serialNumber: old.subjectPersonId ?? old.orgCode },
      });
      const certificatePem = this.ca.issue(old.profile, approved.subject, publicKey);
      const record = await this.issued.record(em, {
        certificatePem,
        profile: old.profile,
        orgCode: old.orgCode,
        keyId: request ? null : old.keyId,
        subjectPersonId: approved.personId,
        replaces: old.serialHex,
      });
      return certificateDetail(record, this.ca.chainPems());
    });
  }
}
