import { DomainError } from '@edu/errors';

export const AuthErrors = {
  tokenMissing: () =>
    new DomainError('AUTH.TOKEN_MISSING', 'unauthenticated', {
      vi: 'Thiếu mã truy cập (Bearer token)',
      en: 'Missing bearer access token',
    }, 'authorization'),
  tokenInvalid: () =>
    new DomainError('AUTH.TOKEN_INVALID', 'unauthenticated', {
      vi: 'Mã truy cập không hợp lệ',
      en: 'The access token is invalid',
    }, 'authorization'),
  tokenExpired: () =>
    new DomainError('AUTH.TOKEN_EXPIRED', 'unauthenticated', {
      vi: 'Mã truy cập đã hết hạn',
      en: 'The access token has expired',
    }, 'authorization'),
  scopeMissing: (scope: string) =>
    new DomainError('AUTH.SCOPE_MISSING', 'forbidden', {
      vi: `Mã truy cập không có quyền ${scope}`,
      en: `The access token lacks the ${scope} scope`,
    }, 'scope'),
  otherOrganisation: (field: string) =>
    new DomainError('AUTH.OTHER_ORGANISATION', 'forbidden', {
      vi: 'Không được thao tác thay cho đơn vị khác',
      en: 'You may not act for another organisation',
    }, field),
};
