import { isCrlReason, type CrlReason } from '@edu/crypto';
import type { EndEntityProfile } from './certificate-authority.js';
import { PkiErrors } from './pki-errors.js';

const PROFILES: readonly EndEntityProfile[] = ['person', 'seal', 'tsa', 'ocsp'];
const MAX_CSR_LENGTH = 16_384;

/** Body of `POST /v1/certificates`, validated on creation. */
export class IssueCertificateCommand {
  private constructor(
    readonly profile: EndEntityProfile,
    readonly orgCode: string,
    readonly personId: string | undefined,
    readonly csrPem: string,
  ) {}

  static from(body: unknown): IssueCertificateCommand {
    const b = objectBody(body);
    if (!PROFILES.includes(b.profile as EndEntityProfile))
      throw PkiErrors.invalid('profile', `profile must be one of ${PROFILES.join(', ')}`, `profile phải là một trong ${PROFILES.join(', ')}`);
    const orgCode = text(b.orgCode, 'orgCode', 64);
    if (!orgCode) throw PkiErrors.invalid('orgCode', 'orgCode is required', 'Thiếu orgCode');
    const personId = b.personId === undefined ? undefined : text(b.personId, 'personId', 32);
    if (b.profile !== 'person' && personId !== undefined)
      throw PkiErrors.invalid('personId', 'personId is only for person certificates', 'personId chỉ dùng cho chứng thư cá nhân');
    return new IssueCertificateCommand(b.profile as EndEntityProfile, orgCode, personId || undefined, csr(b.csrPem, true)!);
  }
}

/** Body of `POST /v1/certificates/{serial}/renewal`: a new CSR, or none to certify the same key again. */
export class RenewCertificateCommand {
  private constructor(readonly csrPem: string | undefined) {}

  static from(body: unknown): RenewCertificateCommand {
    return new RenewCertificateCommand(csr(objectBody(body ?? {}).csrPem, false));
  }
}

/** Body of `POST /v1/certificates/{serial}/revocation`. */
export class RevokeCertificateCommand {
  private constructor(
    readonly reason: CrlReason,
    readonly invalidityDate: Date | null,
  ) {}

  static from(body: unknown): RevokeCertificateCommand {
    const b = objectBody(body);
    if (b.reason === 'certificateHold' || b.reason === 'removeFromCRL')
      throw PkiErrors.invalid('reason', 'certificateHold is not supported: every revocation here is final', 'Không hỗ trợ tạm dừng (certificateHold): thu hồi là vĩnh viễn');
    if (!isCrlReason(b.reason))
      throw PkiErrors.invalid('reason', 'reason must be an RFC 5280 CRLReason name such as keyCompromise, affiliationChanged, superseded or cessationOfOperation', 'Lý do thu hồi phải là tên CRLReason theo RFC 5280, ví dụ keyCompromise, affiliationChanged, superseded, cessationOfOperation');
    let invalidityDate: Date | null = null;
    if (b.invalidityDate !== undefined) {
      invalidityDate = typeof b.invalidityDate === 'string' && /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(b.invalidityDate) ? new Date(b.invalidityDate) : null;
      if (!invalidityDate || Number.isNaN(invalidityDate.getTime()) || invalidityDate > new Date())
        throw PkiErrors.invalid('invalidityDate', 'invalidityDate must be an ISO 8601 date or time, not in the future', 'invalidityDate phải là ngày giờ ISO 8601, không ở tương lai');
    }
    return new RevokeCertificateCommand(b.reason, invalidityDate);
  }
}

function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw PkiErrors.invalid('body', 'the body must be a JSON object', 'Nội dung phải là một đối tượng JSON');
  return body as Record<string, unknown>;
}

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length > max) throw PkiErrors.invalid(field, `${field} must be a string of at most ${max} characters`, `${field} phải là chuỗi tối đa ${max} ký tự`);
  return value.trim();
}

function csr(value: unknown, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || !value.trim()) throw PkiErrors.invalid('csrPem', 'csrPem (a PEM PKCS #10 request) is required', 'Thiếu csrPem (yêu cầu PKCS #10 dạng PEM)');
  if (value.length > MAX_CSR_LENGTH) throw PkiErrors.invalid('csrPem', `csrPem is longer than ${MAX_CSR_LENGTH} characters`, `csrPem dài quá ${MAX_CSR_LENGTH} ký tự`);
  return value;
}
