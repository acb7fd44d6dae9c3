import { DomainError } from '@edu/errors';

/**
 * Signing's errors. Kind `unavailable` is transient (the inbox consumer retries with backoff); every other kind is
 * permanent and sends the event to its dead-letter topic. Codes are stable: never rename one.
 */
export const SigningErrors = {
  eventIncomplete: (field: string) =>
    new DomainError('SIGNING.EVENT_INCOMPLETE', 'invalid', {
      vi: `Sự kiện thiếu hoặc sai trường ${field}`,
      en: `The event lacks a valid ${field}`,
    }, field),
  sealNotReady: (orgCode: string) =>
    new DomainError('SIGNING.SEAL_NOT_READY', 'unavailable', {
      vi: `Đơn vị ${orgCode} chưa có con dấu điện tử đang hiệu lực`,
      en: `Organisation ${orgCode} has no active seal yet`,
    }, 'issuerCode'),
  sealExpired: (orgCode: string) =>
    new DomainError('SIGNING.SEAL_EXPIRED', 'unavailable', {
      vi: `Chứng thư con dấu của đơn vị ${orgCode} đã hết hạn`,
      en: `The seal certificate of ${orgCode} has expired`,
    }, 'issuerCode'),
  contentOutsideStaging: (bucket: string) =>
    new DomainError('SIGNING.CONTENT_OUTSIDE_STAGING', 'invalid', {
      vi: `Nội dung phải nằm trong kho lưu tạm, không phải ${bucket}`,
      en: `Content must come from the staging bucket, not ${bucket}`,
    }, 'content.bucket'),
  contentMissing: () =>
    new DomainError('SIGNING.CONTENT_MISSING', 'not-found', {
      vi: 'Không tìm thấy nội dung lưu tạm',
      en: 'The staged content does not exist',
    }, 'content.key'),
  contentMismatch: () =>
    new DomainError('SIGNING.CONTENT_MISMATCH', 'unprocessable', {
      vi: 'Nội dung lưu tạm không khớp mã băm SHA-256 hoặc kích thước',
      en: 'The staged content does not match its SHA-256 or size',
    }, 'content.sha256'),
  sealKeyUnknown: (keyId: string) =>
    new DomainError('SIGNING.SEAL_KEY_UNKNOWN', 'not-found', {
      vi: `Không có khoá con dấu ${keyId} đang chờ chứng thư`,
      en: `No pending seal key ${keyId}`,
    }, 'keyId'),
  certificateMismatch: (reason: string) =>
    new DomainError('SIGNING.CERTIFICATE_MISMATCH', 'unprocessable', {
      vi: `Chứng thư không dùng được cho khoá con dấu: ${reason}`,
      en: `The certificate does not fit the seal key: ${reason}`,
    }, 'certificatePem'),
  sealRevoked: (orgCode: string, reason: string) =>
    new DomainError('SIGNING.SEAL_REVOKED', 'unprocessable', {
      vi: `Chứng thư con dấu của đơn vị ${orgCode} đã bị thu hồi (${reason}); cần cấp con dấu mới trước khi ký`,
      en: `The seal certificate of ${orgCode} was revoked (${reason}); a new seal must be issued before signing`,
    }, 'issuerCode'),
  organisationUnknown: (orgCode: string) =>
    new DomainError('SIGNING.ORGANISATION_UNKNOWN', 'not-found', {
      vi: `Không có đơn vị ${orgCode}`,
      en: `No organisation ${orgCode}`,
    }, 'org'),
  noSealForOrganisation: (orgCode: string) =>
    new DomainError('SIGNING.NO_SEAL_FOR_ORGANISATION', 'conflict', {
      vi: `Đơn vị ${orgCode} không phải cơ sở giáo dục đang hoạt động nên không có con dấu`,
      en: `${orgCode} is not an active institution, so it holds no seal`,
    }, 'org'),
  sealRotationPending: (orgCode: string) =>
    new DomainError('SIGNING.SEAL_ROTATION_PENDING', 'conflict', {
      vi: `Đơn vị ${orgCode} đã có khoá con dấu mới đang chờ chứng thư`,
      en: `${orgCode} already has a new seal key waiting for its certificate`,
    }, 'org'),
};
