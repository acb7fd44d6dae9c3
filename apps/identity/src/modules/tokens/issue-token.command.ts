import { DomainError } from '@edu/errors';

const invalidRequest = (en: string, vi: string, field: string) =>
  new DomainError('IDENTITY.INVALID_TOKEN_REQUEST', 'invalid', { vi, en }, field);

/** A client-credentials token request (RFC 6749 §4.4), validated on creation. */
export class IssueTokenCommand {
  private constructor(
    readonly clientId: string,
    readonly clientSecret: string,
    readonly scope: string[] | null,
  ) {}

  static from(body: Record<string, unknown> | undefined, authorization: string | undefined): IssueTokenCommand {
    if (body?.grant_type !== 'client_credentials')
      throw new DomainError('IDENTITY.UNSUPPORTED_GRANT_TYPE', 'invalid', {
        vi: 'Chỉ hỗ trợ grant_type=client_credentials',
        en: 'Only grant_type=client_credentials is supported',
      }, 'grant_type');
    let clientId = typeof body.client_id === 'string' ? body.client_id : '';
    let clientSecret = typeof body.client_secret === 'string' ? body.client_secret : '';
    const basic = authorization?.match(/^Basic\s+(\S+)$/i);
    if (basic) {
      const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon < 0) throw invalidRequest('malformed Basic credentials', 'Thông tin xác thực Basic sai định dạng', 'authorization');
      clientId = decodeURIComponent(decoded.slice(0, colon));
      clientSecret = decodeURIComponent(decoded.slice(colon + 1));
    }
    if (!clientId) throw invalidRequest('client_id is required', 'Thiếu client_id', 'client_id');
    if (!clientSecret) throw invalidRequest('client_secret is required', 'Thiếu client_secret', 'client_secret');
    const scope = typeof body.scope === 'string' && body.scope.trim() ? body.scope.trim().split(/\s+/) : null;
    return new IssueTokenCommand(clientId, clientSecret, scope);
  }
}
