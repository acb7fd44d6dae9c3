import { DomainError } from '@edu/errors';
import type { DataSource, EntityManager } from '@edu/persistence';
import { currentCorrelationId } from '@edu/telemetry';
import { Injectable } from '@nestjs/common';
import type { AuditQuery } from './audit-query.js';

export const AuditActions = {
  TokenGrant: 'token.grant',
  Login: 'login',
  ClientCreate: 'client.create',
  ClientSecretRotation: 'client.secret-rotation',
  ClientJwks: 'client.jwks',
  ClientDisable: 'client.disable',
  ClientEnable: 'client.enable',
  UserCreate: 'user.create',
  UserDisable: 'user.disable',
  UserUnlock: 'user.unlock',
  TokenKeyRotation: 'token-key.rotation',
  TokenKeyRetirement: 'token-key.retirement',
} as const;

export type AuditAction = (typeof AuditActions)[keyof typeof AuditActions];

/** Who acted, and from where: an operator's token subject, a client id, a username, or `cli` / `system`. */
export interface AuditActor {
  id: string;
  remoteAddress?: string | null;
}

export interface AuditEntry {
  action: AuditAction;
  outcome: 'GRANTED' | 'DENIED';
  subject?: string | null;
  org?: string | null;
  /** Why it was denied (an error code or a finer reason such as CLIENT_DISABLED); null when granted. */
  reason?: string | null;
}

/** A row of the log as `GET /v1/audit` shows it; `id` is the paging cursor. */
export interface AuditRecord {
  id: string;
  at: Date;
  actor: string;
  action: string;
  outcome: 'GRANTED' | 'DENIED';
  subject: string | null;
  org: string | null;
  reason: string | null;
  remoteAddress: string | null;
  correlationId: string | null;
}

export const CLI_ACTOR: AuditActor = { id: 'cli' };
export const SYSTEM_ACTOR: AuditActor = { id: 'system' };

const COLUMNS = `id::text, at, actor, action, outcome, subject, org_code AS org, reason, remote_address AS "remoteAddress",
  correlation_id AS "correlationId"`;

/**
 * Who did what to which client, user or key, and whether it was allowed. Written with the caller's entity manager so
 * a row commits with the state change it records.
 */
@Injectable()
export class AuditLog {
  async write(em: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<void> {
    await em.query(
      `INSERT INTO audit_log (actor, action, outcome, subject, org_code, reason, remote_address, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [actor.id, entry.action, entry.outcome, entry.subject ?? null, entry.org ?? null, entry.reason ?? null,
        actor.remoteAddress ?? null, currentCorrelationId() ?? null],
    );
  }

  /**
   * Runs an administration action in one transaction; the action records its success in that transaction, and a
   * refusal is recorded here as DENIED with its error code, then rethrown.
   */
  async administer<T>(ds: DataSource, actor: AuditActor, entry: Omit<AuditEntry, 'outcome'>, work: (em: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await ds.transaction(work);
    } catch (err) {
      if (err instanceof DomainError) await this.write(ds.manager, actor, { ...entry, outcome: 'DENIED', reason: err.code });
      throw err;
    }
  }

  async list(em: EntityManager, q: AuditQuery): Promise<{ items: AuditRecord[]; nextCursor: string; hasMore: boolean }> {
    const rows: AuditRecord[] = await em.query(
      `SELECT ${COLUMNS} FROM audit_log
        WHERE id > $1 AND ($2::text IS NULL OR actor = $2) AND ($3::text IS NULL OR action = $3)
          AND ($4::text IS NULL OR outcome = $4)
        ORDER BY audit_log.id LIMIT $5`,
      [q.after, q.actor, q.action, q.outcome, q.limit + 1],
    );
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: items.length ? items[items.length - 1].id : String(q.after), hasMore: rows.length > q.limit };
  }
}

/** The operator (or client) behind an administration request, and where it came from. */
export const actorOf = (principal: { clientId: string }, req: { ip?: string }): AuditActor => ({
  id: principal.clientId,
  remoteAddress: req.ip ?? null,
});
