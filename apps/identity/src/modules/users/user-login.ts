import type { UserRole } from '@edu/auth';
import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config.js';
import { AuditActions, AuditLog } from '../audit/audit-log.js';
import { UNMATCHABLE_PASSWORD_HASH, verifyPassword } from '@edu/crypto';
import { UserErrors } from './user-errors.js';

export interface SignedInUser {
  userId: string;
  username: string;
  org: string;
  role: UserRole;
}

interface UserRow {
  user_id: string;
  username: string;
  org_code: string;
  role: UserRole;
  password_hash: string;
  disabled: boolean;
  locked: boolean;
}

type Config = Pick<IdentityConfig, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCKOUT_SECONDS'>;

/**
 * Checks a username and password. After LOGIN_MAX_FAILURES consecutive failures the account is locked for
 * LOGIN_LOCKOUT_SECONDS (no password is even checked meanwhile); a success resets the count. Every outcome is audited
 * with the counter's change.
 */
@Injectable()
export class UserLogin {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(IDENTITY_CONFIG) private readonly config: Config,
  ) {}

  async signIn(username: string, password: string, remoteAddress: string | null): Promise<SignedInUser> {
    const actor = { id: username.toLowerCase().slice(0, 64), remoteAddress };
    const [row]: UserRow[] = await this.dataSource.query(
      `SELECT u.user_id, u.username, u.org_code, u.role, u.password_hash, u.disabled OR o.status <> 'ACTIVE' AS disabled,
              coalesce(u.locked_until > now(), false) AS locked
         FROM users u JOIN organisations o ON o.code = u.org_code WHERE u.username = $1`,
      [actor.id],
    );
    const denied = async (reason: string, em: EntityManager = this.dataSource.manager) =>
      this.audit.write(em, actor, { action: AuditActions.Login, outcome: 'DENIED', subject: row?.user_id, org: row?.org_code, reason });
    if (!row) {
      await verifyPassword(password, UNMATCHABLE_PASSWORD_HASH);
      await denied('UNKNOWN_USER');
      throw UserErrors.loginFailed();
    }
    if (row.locked) {
      await denied('LOCKED');
      throw UserErrors.locked(this.lockoutMinutes());
    }
    if (!(await verifyPassword(password, row.password_hash))) {
      const lockedNow = await this.dataSource.transaction(async (em) => {
        const locked = await this.countFailure(em, row.user_id);
        await denied(locked ? 'LOCKED_OUT' : 'WRONG_PASSWORD', em);
        return locked;
      });
      throw lockedNow ? UserErrors.locked(this.lockoutMinutes()) : UserErrors.loginFailed();
    }
    if (row.disabled) {
      await denied('USER_DISABLED');
      throw UserErrors.loginFailed();
    }
    await this.dataSource.transaction(async (em) => {
      await em.query('UPDATE users SET failed_logins = 0, locked_until = NULL WHERE user_id = $1 AND failed_logins > 0', [row.user_id]);
      await this.audit.write(em, actor, { action: AuditActions.Login, outcome: 'GRANTED', subject: row.user_id, org: row.org_code });
    });
    return { userId: row.user_id, username: row.username, org: row.org_code, role: row.role };
  }

  /** One more failure; true when it locks the account. A lockout that has run out starts the count again. */
  private async countFailure(em: EntityManager, userId: string): Promise<boolean> {
    const count = 'CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END';
    const [[row]] = await em.query(
      `UPDATE users SET failed_logins = ${count},
              locked_until = CASE WHEN ${count} >= $2 THEN now() + make_interval(secs => $3) END, updated_at = now()
        WHERE user_id = $1 RETURNING locked_until IS NOT NULL AS locked`,
      [userId, this.config.LOGIN_MAX_FAILURES, this.config.LOGIN_LOCKOUT_SECONDS],
    );
    return row.locked;
  }

  private lockoutMinutes(): number {
    return Math.ceil(this.config.LOGIN_LOCKOUT_SECONDS / 60);
  }
}
