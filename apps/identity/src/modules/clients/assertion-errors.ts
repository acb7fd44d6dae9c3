import { DomainError } from '@edu/errors';

const refused = (code: string, field: string, en: string, vi: string) =>
  new DomainError(`IDENTITY.ASSERTION_${code}`, 'unauthenticated', { vi, en }, field);

/** Every way a private_key_jwt client assertion can be refused: a 401 with its own code and the part at fault. */
export const AssertionErrors = {
  malformed: () => refused('MALFORMED', 'client_assertion', 'client_assertion is not a signed JWT', 'client_assertion không phải JWT có chữ ký'),
  algorithm: (alg: unknown) =>
    refused('ALGORITHM', 'client_assertion.header.alg', `alg ${String(alg)} is not accepted (RS256, PS256, ES256, matching the key)`,
      `Không chấp nhận alg ${String(alg)} (RS256, PS256, ES256, khớp với khóa)`),
  unknownKey: (kid: unknown) =>
    refused('UNKNOWN_KEY', 'client_assertion.header.kid', `The client has no registered key ${String(kid ?? '(no kid)')}`,
      `Ứng dụng không có khóa đã đăng ký ${String(kid ?? '(thiếu kid)')}`),
  signature: () => refused('SIGNATURE', 'client_assertion', 'The assertion signature does not verify', 'Chữ ký của assertion không hợp lệ'),
  expired: () => refused('EXPIRED', 'client_assertion.exp', 'The assertion has expired', 'Assertion đã hết hạn'),
  tooLong: (maxSeconds: number) =>
    refused('LIFETIME', 'client_assertion.exp', `exp may be at most ${maxSeconds} s ahead`, `exp chỉ được sau hiện tại tối đa ${maxSeconds} giây`),
  notYetValid: (claim: string) =>
    refused('NOT_YET_VALID', `client_assertion.${claim}`, `The assertion is not valid yet (${claim})`, `Assertion chưa có hiệu lực (${claim})`),
  missingClaim: (claim: string) =>
    refused('CLAIM_MISSING', `client_assertion.${claim}`, `The assertion must carry ${claim}`, `Assertion phải có ${claim}`),
  wrongIssuer: (claim: string) =>
    refused('ISSUER', `client_assertion.${claim}`, `${claim} must be the client id`, `${claim} phải là mã ứng dụng (client_id)`),
  wrongAudience: (expected: string) =>
    refused('AUDIENCE', 'client_assertion.aud', `aud must be ${expected}`, `aud phải là ${expected}`),
  replayed: () => refused('REPLAYED', 'client_assertion.jti', 'This assertion (jti) was already used', 'Assertion (jti) này đã được dùng'),
};
