import { DomainError } from './domain-error.js';

/** Errors every service can raise at its edge, independent of its domain. */
export const CommonErrors = {
  malformedJson: () =>
    new DomainError('COMMON.MALFORMED_JSON', 'invalid', {
      vi: 'Nội dung yêu cầu không phải JSON hợp lệ',
      en: 'The request body is not valid JSON',
    }, 'body'),
  bodyTooLarge: (limit: string) =>
    new DomainError('COMMON.BODY_TOO_LARGE', 'too-large', {
      vi: `Nội dung yêu cầu vượt quá giới hạn ${limit}`,
      en: `The request body exceeds the ${limit} limit`,
    }, 'body'),
  busy: () =>
    new DomainError('COMMON.BUSY', 'unavailable', {
      vi: 'Hệ thống đang nhận nhiều tệp lớn, vui lòng gửi lại sau ít giây',
      en: 'Too many large uploads are in progress; please retry in a few seconds',
    }, 'body'),
  unsupportedMediaType: (expected: string) =>
    new DomainError('COMMON.UNSUPPORTED_MEDIA_TYPE', 'unsupported-media', {
      vi: `Kiểu nội dung không được hỗ trợ, cần ${expected}`,
      en: `Unsupported content type, expected ${expected}`,
    }, 'content-type'),
  routeNotFound: () =>
    new DomainError('COMMON.ROUTE_NOT_FOUND', 'not-found', {
      vi: 'Không có đường dẫn này',
      en: 'No such route',
    }),
  invalidParameter: (field: string, en: string, vi: string) =>
    new DomainError('COMMON.INVALID_PARAMETER', 'invalid', { vi, en }, field),
  internal: () =>
    new DomainError('COMMON.INTERNAL', 'unavailable', {
      vi: 'Lỗi hệ thống, vui lòng thử lại sau',
      en: 'Internal error, please retry later',
    }),
};
