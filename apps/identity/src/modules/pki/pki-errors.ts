import { DomainError } from '@edu/errors';

/** The PKI's refusals; codes are stable, clients switch on them. */
export const PkiErrors = {
  invalid: (field: string, en: string, vi: string) => new DomainError('IDENTITY.INVALID_REQUEST', 'invalid', { vi, en }, field),
  csrInvalid: (en: string) =>
    new DomainError('IDENTITY.CSR_INVALID', 'invalid', { vi: 'Yêu cầu cấp chứng thư (CSR) không hợp lệ', en: `The certificate request is invalid: ${en}` }, 'csrPem'),
  csrSignatureInvalid: (en: string) =>
    new DomainError('IDENTITY.CSR_SIGNATURE_INVALID', 'unprocessable', {
      vi: 'Chữ ký của yêu cầu cấp chứng thư không chứng minh được việc nắm giữ khóa bí mật',
      en: `The certificate request does not prove possession of its key: ${en}`,
    }, 'csrPem'),
  keyNotAllowed: (algorithm: string) =>
    new DomainError('IDENTITY.CSR_KEY_NOT_ALLOWED', 'unprocessable', {
      vi: `Loại khóa ${algorithm} không được chấp nhận; cần RSA từ 2048 bit hoặc ECDSA P-256`,
      en: `${algorithm} keys are not accepted; use RSA of at least 2048 bits or ECDSA P-256`,
    }, 'csrPem'),
  subjectMismatch: (field: string, en: string, vi: string) =>
    new DomainError('IDENTITY.CSR_SUBJECT_MISMATCH', 'unprocessable', { vi, en }, field),
  profileForbidden: () =>
    new DomainError('IDENTITY.CERTIFICATE_PROFILE_FORBIDDEN', 'forbidden', {
      vi: 'Đơn vị chỉ được đề nghị chứng thư cá nhân cho người của chính đơn vị',
      en: 'A school may only request person certificates for its own organisation',
    }, 'profile'),
  unknownOrganisation: (code: string) =>
    new DomainError('IDENTITY.UNKNOWN_ORGANISATION', 'unprocessable', { vi: `Không có đơn vị ${code}`, en: `Unknown organisation ${code}` }, 'orgCode'),
  organisationClosed: (code: string) =>
    new DomainError('IDENTITY.ORGANISATION_CLOSED', 'unprocessable', { vi: `Đơn vị ${code} đã đóng`, en: `Organisation ${code} is closed` }, 'orgCode'),
  certificateNotFound: (serial: string) =>
    new DomainError('IDENTITY.CERTIFICATE_NOT_FOUND', 'not-found', { vi: `Không có chứng thư số hiệu ${serial}`, en: `No certificate with serial ${serial}` }, 'serial'),
  alreadyRevoked: (serial: string) =>
    new DomainError('IDENTITY.CERTIFICATE_ALREADY_REVOKED', 'conflict', { vi: `Chứng thư ${serial} đã bị thu hồi`, en: `Certificate ${serial} is already revoked` }, 'serial'),
  alreadyRenewed: (serial: string, successor: string) =>
    new DomainError('IDENTITY.CERTIFICATE_ALREADY_RENEWED', 'conflict', {
      vi: `Chứng thư ${serial} đã được gia hạn bằng chứng thư ${successor}`,
      en: `Certificate ${serial} was already renewed as ${successor}`,
    }, 'serial'),
  notRenewable: (serial: string) =>
    new DomainError('IDENTITY.CERTIFICATE_NOT_RENEWABLE', 'conflict', {
      vi: `Chứng thư ${serial} do hệ thống tự quản lý, không gia hạn qua API`,
      en: `Certificate ${serial} is managed by the platform and is not renewed through the API`,
    }, 'serial'),
  trustAnchorInvalid: (en: string, vi: string) => new DomainError('IDENTITY.TRUST_ANCHOR_INVALID', 'unprocessable', { vi, en }, 'certificatePem'),
  trustAnchorDuplicate: (id: string) =>
    new DomainError('IDENTITY.TRUST_ANCHOR_DUPLICATE', 'conflict', { vi: `Chứng thư gốc này đã có (mã ${id})`, en: `This trust anchor is already registered as ${id}` }, 'certificatePem'),
  trustAnchorNotFound: (id: string) =>
    new DomainError('IDENTITY.TRUST_ANCHOR_NOT_FOUND', 'not-found', { vi: `Không có chứng thư gốc ${id}`, en: `No trust anchor ${id}` }, 'id'),
};
