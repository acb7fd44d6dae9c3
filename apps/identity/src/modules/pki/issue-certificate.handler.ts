import type { Principal } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { assertMayManage } from './certificate-access.js';
import { CertificateAuthority } from './certificate-authority.js';
import type { IssueCertificateCommand } from './certificate-requests.js';
import { certificateDetail, type CertificateDetail } from './certificate-view.js';
import { checkCertificationRequest } from './certification-request-check.js';
import { IssuedCertificates } from './issued-certificates.js';
import { SubjectPolicy } from './subject-policy.js';

/** Certifies a key from a CSR: proof of possession, key policy, subject against the registry, then issue and announce. */
@Injectable()
export class IssueCertificateHandler {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(SubjectPolicy) private readonly policy: SubjectPolicy,
    @Inject(IssuedCertificates) private readonly issued: IssuedCertificates,
  ) {}

  async execute(principal: Principal, command: IssueCertificateCommand): Promise<CertificateDetail> {
    assertMayManage(principal, command.profile, command.orgCode);
    const request = checkCertificationRequest(command.csrPem);
    return this.dataSource.transaction(async (em) => {
      const approved = await this.policy.approve(em, { profile: command.profile, orgCode: command.orgCode, personId: command.personId, requested: request.subject });
      const certificatePem = this.ca.issue(command.profile, approved.subject, request.publicKey);
      const record = await this.issued.record(em, { certificatePem, profile: command.profile, orgCode: command.orgCode, subjectPersonId: approved.personId });
      return certificateDetail(record, this.ca.chainPems());
    });
  }
}
