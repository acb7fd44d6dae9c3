import { DomainError } from '@edu/errors';

/** Errors of keys in custody, signing PINs and the time-stamping unit. Codes are stable: never rename one. */
export const CustodyErrors = {
  personRequired: () =>
    new DomainError('SIGNING.PERSON_TOKEN_REQUIRED', 'forbidden', {
      vi: 'Chỉ người ký đăng nhập bằng tài khoản cá nhân mới dùng được khóa ký của mình',
      en: "Only a person signed in with their own account can use their signing key",
    }, 'authorization'),
  signerNotEligible: (personId: string) =>
    new DomainError('SIGNING.SIGNER_NOT_ELIGIBLE', 'forbidden', {
      vi: `Người ${personId} không phải giáo viên hoặc hiệu trưởng đang công tác`,
      en: `Person ${personId} is not an active teacher or principal`,
    }, 'personId'),
  pinWeak: (why: { vi: string; en: string }) =>
    new DomainError('SIGNING.PIN_WEAK', 'invalid', { vi: `Mã PIN ký không hợp lệ: ${why.vi}`, en: `The signing PIN is not acceptable: ${why.en}` }, 'pin'),
  pinNotSet: () =>
    new DomainError('SIGNING.PIN_NOT_SET', 'conflict', {
      vi: 'Chưa đăng ký khóa ký và mã PIN',
      en: 'No signing key and PIN have been set up yet',
    }, 'pin'),
  pinWrong: (attemptsLeft: number) =>
    new DomainError('SIGNING.PIN_WRONG', 'forbidden', {
      vi: `Mã PIN ký không đúng; còn ${attemptsLeft} lần thử trước khi bị khóa`,
      en: `Wrong signing PIN; ${attemptsLeft} attempts left before the key is locked`,
    }, 'pin'),
  pinLocked: (until: Date) =>
    new DomainError('SIGNING.PIN_LOCKED', 'forbidden', {
      vi: `Khóa ký bị tạm khóa do nhập sai mã PIN nhiều lần, đến ${until.toISOString()}`,
      en: `The signing key is locked after repeated wrong PINs until ${until.toISOString()}`,
    }, 'pin'),
  keyExists: () =>
    new DomainError('SIGNING.SIGNING_KEY_EXISTS', 'conflict', {
      vi: 'Đã có khóa ký đang hiệu lực hoặc đang chờ cấp chứng thư',
      en: 'A signing key is already active or waiting for its certificate',
    }, 'pin'),
  keyMissing: (personId: string) =>
    new DomainError('SIGNING.SIGNING_KEY_MISSING', 'conflict', {
      vi: `Người ${personId} chưa có khóa ký với chứng thư còn hiệu lực`,
      en: `Person ${personId} has no signing key with a valid certificate`,
    }, 'personId'),
  tsaNotReady: () =>
    new DomainError('SIGNING.TSA_NOT_READY', 'unavailable', {
      vi: 'Dịch vụ cấp dấu thời gian chưa có chứng thư',
      en: 'The time-stamping unit has no certificate yet',
    }, 'tsa'),
  timeStampQueryType: (contentType: string) =>
    new DomainError('SIGNING.TSA_MEDIA_TYPE', 'unsupported-media', {
      vi: `Yêu cầu dấu thời gian phải có kiểu application/timestamp-query, không phải ${contentType || 'trống'}`,
      en: `A time-stamp query must be application/timestamp-query, not ${contentType || 'empty'}`,
    }, 'content-type'),
};
