import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditActions, AuditLog, type AuditActor } from '../audit/audit-log.js';
import { requireActiveOrganisation } from '../clients/active-organisation.js';
import type { CreateUserCommand } from './create-user.command.js';
import { hashPassword } from '@edu/crypto';
import { UserErrors } from './user-errors.js';

/** A user as operators see it: never the password hash. */
const USER_VIEW_COLUMNS = `user_id AS "userId", username, org_code AS "orgCode", role, person_id AS "personId",
  CASE WHEN disabled THEN 'DISABLED' WHEN locked_until > now() THEN 'LOCKED' ELSE 'ACTIVE' END AS status,
  CASE WHEN locked_until > now() THEN locked_until END AS "lockedUntil", failed_logins AS "failedLogins",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

/** People who sign in to the console. Each change is audited in the transaction that makes it. */
@Injectable()
export class UserRegistry {
  constructor(@Inject(AuditLog) private readonly audit: AuditLog) {}

  async create(em: EntityManager, c: CreateUserCommand, actor: AuditActor) {
    await requireActiveOrganisation(em, c.orgCode);
    const hash = await hashPassword(c.password);
    const [row] = await em.query(
      `INSERT INTO users (user_id, username, org_code, role, person_id, password_hash) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (username) DO NOTHING RETURNING ${USER_VIEW_COLUMNS}`,
      [randomUUID(), c.username, c.orgCode, c.role, c.personId, hash],
    );
    if (!row) throw UserErrors.usernameTaken(c.username);
    await this.audit.write(em, actor, { action: AuditActions.UserCreate, outcome: 'GRANTED', subject: row.userId, org: row.orgCode });
    return row;
  }

  async find(em: EntityManager, userId: string) {
    const [row] = await em.query(`SELECT ${USER_VIEW_COLUMNS} FROM users WHERE user_id = $1`, [this.uuid(userId)]);
    if (!row) throw UserErrors.notFound(userId);
    return row;
  }

  async disable(em: EntityManager, userId: string, actor: AuditActor) {
    return this.change(em, userId, 'disabled = true', AuditActions.UserDisable, actor);
  }

  /** Ends a lockout and forgets the failed attempts. */
  async unlock(em: EntityManager, userId: string, actor: AuditActor) {
    return this.change(em, userId, 'failed_logins = 0, locked_until = NULL', AuditActions.UserUnlock, actor);
  }

  private async change(em: EntityManager, userId: string, set: string, action: typeof AuditActions.UserDisable | typeof AuditActions.UserUnlock, actor: AuditActor) {
    const [[row]] = await em.query(
      `UPDATE users SET ${set}, updated_at = now() WHERE user_id = $1 RETURNING ${USER_VIEW_COLUMNS}`,
      [this.uuid(userId)],
    );
    if (!row) throw UserErrors.notFound(userId);
    await this.audit.write(em, actor, { action, outcome: 'GRANTED', subject: row.userId, org: row.orgCode });
    return row;
  }

  /** A malformed id names no user (and must not reach PostgreSQL's uuid cast). */
  private uuid(userId: string): string | null {
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId) ? userId : null;
  }
}
