import { USER_ROLES, type UserRole } from '@edu/auth';
import { UserErrors } from './user-errors.js';

export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 256;
const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

/** `POST /v1/users`, validated on creation. Usernames are lower-cased; the organisation is checked by the registry. */
export class CreateUserCommand {
  private constructor(
    readonly username: string,
    readonly orgCode: string,
    readonly role: UserRole,
    readonly personId: string | null,
    readonly password: string,
  ) {}

  static from(body: unknown): CreateUserCommand {
    const b = (body ?? {}) as Record<string, unknown>;
    const text = (name: string) => {
      if (typeof b[name] !== 'string' || !b[name]) throw UserErrors.invalid(name, `${name} is required`, `Thiếu ${name}`);
      return b[name] as string;
    };
    const username = text('username').toLowerCase();
    if (!USERNAME.test(username))
      throw UserErrors.invalid('username', 'username: 3–64 letters, digits, . _ -, starting with a letter or digit', 'username: 3–64 ký tự gồm chữ, số, . _ -, bắt đầu bằng chữ hoặc số');
    const role = text('role');
    if (!(USER_ROLES as readonly string[]).includes(role)) throw UserErrors.unknownRole(role);
    const personId = b.personId === undefined || b.personId === null ? null : text('personId');
    if (personId !== null && personId.length > 64) throw UserErrors.invalid('personId', 'personId is at most 64 characters', 'personId tối đa 64 ký tự');
    return new CreateUserCommand(username, text('orgCode'), role as UserRole, personId, checkPassword(text('password'), username));
  }
}

/** The policy: at least 12 characters (a passphrase is welcome), at most 256, not the username. */
export function checkPassword(password: string, username: string): string {
  const length = [...password.normalize('NFC')].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH)
    throw UserErrors.invalid('password', `the password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`,
      `Mật khẩu phải dài từ ${PASSWORD_MIN_LENGTH} đến ${PASSWORD_MAX_LENGTH} ký tự`);
  if (password.toLowerCase().includes(username))
    throw UserErrors.invalid('password', 'the password must not contain the username', 'Mật khẩu không được chứa tên đăng nhập');
  return password;
}
