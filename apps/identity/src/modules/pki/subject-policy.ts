import type { CertificateSubject } from '@edu/crypto';
import { checkSectorId } from '@edu/ids';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import type { EndEntityProfile } from './certificate-authority.js';
import { PkiErrors } from './pki-errors.js';
import { SignerDirectory, type RegisteredOrganisation } from './signer-directory.js';

export interface SubjectRequest {
  profile: EndEntityProfile;
  orgCode: string;
  personId?: string;
  /** What the CSR asked for; the certificate's subject is built from the registry, the CSR only has to agree. */
  requested: Partial<CertificateSubject>;
}

export interface ApprovedSubject {
  subject: CertificateSubject;
  personId: string | null;
}

/**
 * Decides the subject of a certificate: the registry's names for the organisation or person, identified by the
 * subject serialNumber (organisation code for seals, TSA and OCSP; sector ID for people, from the CSR or `personId`).
 * An attribute the CSR carries must agree with the registry; one it leaves out is filled in. Names are compared
 * without case and diacritics, because tokens often write them in plain upper-case ASCII.
 */
@Injectable()
export class SubjectPolicy {
  constructor(@Inject(SignerDirectory) private readonly directory: SignerDirectory) {}

  async approve(em: EntityManager, req: SubjectRequest): Promise<ApprovedSubject> {
    const org = await this.directory.organisation(em, req.orgCode);
    if (!org) throw PkiErrors.unknownOrganisation(req.orgCode);
    if (org.status !== 'ACTIVE') throw PkiErrors.organisationClosed(req.orgCode);
    if (req.profile === 'person') return this.person(em, org, req);

    if (req.requested.serialNumber !== undefined)
      expectSame('serialNumber', req.requested.serialNumber, org.code, `the organisation code ${org.code}`, `mã đơn vị ${org.code}`);
    if (req.profile === 'seal') {
      if (req.requested.commonName !== undefined) expectLoosely('CN', req.requested.commonName, org.name);
      return { subject: { commonName: org.name, organization: org.name, organizationalUnit: org.code, serialNumber: org.code, country: 'VN' }, personId: null };
    }
    const commonName = req.requested.commonName?.trim() || `${org.name} – ${req.profile.toUpperCase()}`;
    return { subject: { commonName, organization: org.name, serialNumber: org.code, country: 'VN' }, personId: null };
  }

  private async person(em: EntityManager, org: RegisteredOrganisation, req: SubjectRequest): Promise<ApprovedSubject> {
    const personId = req.personId ?? req.requested.serialNumber;
    if (!personId) throw PkiErrors.subjectMismatch('csrPem.subject.serialNumber', 'a person certificate request must carry the sector ID as subject serialNumber', 'Yêu cầu chứng thư cá nhân phải ghi mã định danh ngành ở trường serialNumber');
    if (checkSectorId(personId)) throw PkiErrors.subjectMismatch(req.personId ? 'personId' : 'csrPem.subject.serialNumber', `${personId} is not a valid sector ID`, `${personId} không phải mã định danh ngành hợp lệ`);
    if (req.requested.serialNumber !== undefined)
      expectSame('serialNumber', req.requested.serialNumber, personId, `the sector ID ${personId}`, `mã định danh ngành ${personId}`);
    const signer = await this.directory.signer(em, personId, org.code);
    if (!signer)
      throw PkiErrors.subjectMismatch(
        req.personId ? 'personId' : 'csrPem.subject.serialNumber',
        `${personId} is not an active teacher or principal of ${org.code}`,
        `${personId} không phải giáo viên hoặc hiệu trưởng đang công tác tại ${org.code}`,
      );
    if (req.requested.commonName !== undefined) expectLoosely('CN', req.requested.commonName, signer.fullName);
    if (req.requested.organization !== undefined) expectLoosely('O', req.requested.organization, org.name);
    return { subject: { commonName: signer.fullName, serialNumber: personId, organization: org.name, country: 'VN' }, personId };
  }
}

function expectSame(attribute: string, actual: string | undefined, expected: string, en: string, vi: string): void {
  if (actual !== expected)
    throw PkiErrors.subjectMismatch(`csrPem.subject.${attribute}`, `subject ${attribute} must be ${en}`, `Trường ${attribute} của chủ thể phải là ${vi}`);
}

function expectLoosely(attribute: string, actual: string, expected: string): void {
  if (loose(actual) !== loose(expected))
    throw PkiErrors.subjectMismatch(`csrPem.subject.${attribute}`, `subject ${attribute} "${actual}" does not match the registry's "${expected}"`, `Trường ${attribute} "${actual}" không khớp với "${expected}" trong cơ sở dữ liệu`);
}

/** Case, diacritics (đ included) and spacing do not count. */
function loose(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}
