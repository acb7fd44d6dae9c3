import { AuthErrors, canReadIssuer, type Principal } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { CertificateAuthority } from './certificate-authority.js';
import { certificateDetail, certificateView, type CertificateDetail, type CertificateView } from './certificate-view.js';
import { CertificateRepository } from './certificate.repository.js';
import { PkiErrors } from './pki-errors.js';

const STATUSES = ['valid', 'revoked', 'expired'] as const;
const MAX_LIMIT = 1000;

export interface ListQuery {
  org?: string;
  status?: string;
  after?: string;
  limit?: string;
}

/** Reads certificates: operators and the ministry see all of them, a school only its own organisation's. */
@Injectable()
export class CertificateQueries {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(CertificateAuthority) private readonly ca: CertificateAuthority,
    @Inject(CertificateRepository) private readonly certificates: CertificateRepository,
  ) {}

  async list(principal: Principal, query: ListQuery): Promise<{ items: CertificateView[]; next: string | null }> {
    // Org codes are never empty, so only a principal that reads every organisation may read "the platform's" ('').
    const org = query.org || (canReadIssuer(principal, '') ? undefined : principal.org);
    if (org && !canReadIssuer(principal, org)) throw AuthErrors.otherOrganisation('org');
    if (query.status !== undefined && !STATUSES.includes(query.status as (typeof STATUSES)[number]))
      throw PkiErrors.invalid('status', `status must be one of ${STATUSES.join(', ')}`, `status phải là một trong ${STATUSES.join(', ')}`);
    const limit = query.limit === undefined ? 100 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT)
      throw PkiErrors.invalid('limit', `limit must be an integer from 1 to ${MAX_LIMIT}`, `limit phải là số nguyên từ 1 đến ${MAX_LIMIT}`);
    const rows = await this.certificates.list(this.dataSource.manager, {
      org,
      status: query.status as (typeof STATUSES)[number] | undefined,
      after: query.after ? serialParam(query.after) : undefined,
      limit,
    });
    return { items: rows.map(certificateView), next: rows.length === limit ? rows[rows.length - 1].serialHex : null };
  }

  async get(principal: Principal, serial: string): Promise<CertificateDetail> {
    const certificate = await this.certificates.find(this.dataSource.manager, serialParam(serial));
    // Another school's certificate is reported as absent rather than forbidden: serials are not for probing.
    if (!certificate || !canReadIssuer(principal, certificate.orgCode ?? ''))
      throw PkiErrors.certificateNotFound(serial);
    return certificateDetail(certificate, this.ca.chainPems());
  }
}

/** A serial as people copy it (upper case, colons) in the form records key it by. */
export function serialParam(serial: string): string {
  const hex = serial.replaceAll(':', '').toLowerCase().replace(/^(00)+(?=[0-9a-f]{2})/, '');
  if (!/^[0-9a-f]{1,42}$/.test(hex)) throw PkiErrors.invalid('serial', 'a serial is hexadecimal, at most 20 bytes', 'Số hiệu chứng thư là chuỗi hex, tối đa 20 byte');
  return hex;
}
