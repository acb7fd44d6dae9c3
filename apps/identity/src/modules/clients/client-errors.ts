import { CLIENT_ROLES } from '@edu/auth';
import { DomainError } from '@edu/errors';

/** Why a client was refused: in the audit log only; the caller always gets the same IDENTITY.INVALID_CLIENT. */
export type ClientRefusal = 'UNKNOWN_CLIENT' | 'WRONG_SECRET' | 'WRONG_AUTH_METHOD' | 'CLIENT_DISABLED' | 'ORGANISATION_INACTIVE';

export class InvalidClientError extends DomainError {
  constructor(readonly reason: ClientRefusal) {
    super('IDENTITY.INVALID_CLIENT', 'unauthenticated', {
      vi: 'Sai mã ứng dụng hoặc khóa bí mật, hoặc ứng dụng đã bị khóa',
      en: 'Unknown client, wrong secret, or disabled client',
    }, 'client_id');
  }
}

const invalid = (code: string, field: string, en: string, vi: string) => new DomainError(code, 'invalid', { vi, en }, field);

export const ClientErrors = {
  invalidClient: (reason: ClientRefusal) => new InvalidClientError(reason),
  unknownRole: (role: string) =>
    invalid('IDENTITY.UNKNOWN_ROLE', 'role', `Unknown role ${role} (${CLIENT_ROLES.join(', ')})`, `Vai trò không hợp lệ: ${role} (${CLIENT_ROLES.join(', ')})`),
  unknownOrganisation: (code: string) =>
    new DomainError('IDENTITY.UNKNOWN_ORGANISATION', 'unprocessable', {
      vi: `Không có đơn vị mã ${code}`,
      en: `No organisation with code ${code}`,
    }, 'org'),
  notFound: (clientId: string) =>
    new DomainError('IDENTITY.CLIENT_NOT_FOUND', 'not-found', {
      vi: `Không có ứng dụng ${clientId}`,
      en: `No client ${clientId}`,
    }, 'id'),
  wrongAuthMethod: (needed: string) =>
    new DomainError('IDENTITY.WRONG_AUTH_METHOD', 'conflict', {
      vi: `Thao tác này chỉ áp dụng cho ứng dụng xác thực bằng ${needed}`,
      en: `This applies only to clients that authenticate with ${needed}`,
    }, 'authMethod'),
  invalidField: (field: string, en: string, vi: string) => invalid('IDENTITY.INVALID_CLIENT_REQUEST', field, en, vi),
  invalidJwks: (field: string, en: string, vi: string) => invalid('IDENTITY.INVALID_JWKS', field, en, vi),
};
