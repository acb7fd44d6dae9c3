import { USER_ROLES } from '@edu/auth';
import { DomainError } from '@edu/errors';

export const UserErrors = {
  invalid: (field: string, en: string, vi: string) => new DomainError('IDENTITY.INVALID_USER_REQUEST', 'invalid', { vi, en }, field),
  unknownRole: (role: string) =>
    new DomainError('IDENTITY.UNKNOWN_ROLE', 'invalid', {
      vi: `Vai trò người dùng không hợp lệ: ${role} (${USER_ROLES.join(', ')})`,
      en: `Unknown user role ${role} (${USER_ROLES.join(', ')})`,
    }, 'role'),
  usernameTaken: (username: string) =>
    new DomainError('IDENTITY.USERNAME_TAKEN', 'conflict', {
      vi: `Tên đăng nhập ${username} đã được dùng`,
      en: `The username ${username} is taken`,
    }, 'username'),
  notFound: (id: string) =>
    new DomainError('IDENTITY.USER_NOT_FOUND', 'not-found', { vi: `Không có người dùng ${id}`, en: `No user ${id}` }, 'id'),
  /** Unknown user, wrong password or disabled account alike: the caller must not learn which usernames exist. */
  loginFailed: () =>
    new DomainError('IDENTITY.LOGIN_FAILED', 'unauthenticated', {
      vi: 'Sai tên đăng nhập hoặc mật khẩu',
      en: 'Wrong username or password',
    }, 'password'),
  locked: (minutes: number) =>
    new DomainError('IDENTITY.ACCOUNT_LOCKED', 'unauthenticated', {
      vi: `Tài khoản tạm bị khóa vì nhập sai mật khẩu nhiều lần. Hãy thử lại sau ${minutes} phút hoặc nhờ quản trị viên mở khóa.`,
      en: `The account is locked after too many wrong passwords. Try again in ${minutes} minutes or ask an operator to unlock it.`,
    }, 'username'),
};
