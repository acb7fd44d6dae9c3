import { CLIENT_ROLES, ROLE_SCOPES, type ClientRole } from '@edu/auth';
import { Topics } from '@edu/contracts';
import { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { AuditActions, AuditLog, CLI_ACTOR, type AuditActor } from '../audit/audit-log.js';
import { requireActiveOrganisation } from './active-organisation.js';
import { ClientErrors } from './client-errors.js';
import { hashClientSecret, newClientSecret } from './client-secret.js';
import { CLIENT_VIEW_COLUMNS, type AuthMethod, type ClientView } from './client-views.js';
import { SecretVerificationCache } from './secret-verification-cache.js';

export interface RegisteredClient {
  role: ClientRole;
  org: string;
  client_id: string;
  /** Shown once, for client_secret_basic clients only. */
  client_secret?: string;
}

export interface NewClientOptions {
  authMethod?: AuthMethod;
  jwks?: { keys: JWK[] };
  redirectUris?: string[];
  actor?: AuditActor;
}

type Change = 'REGISTERED' | 'SECRET_ROTATED' | 'KEYS_CHANGED' | 'DISABLED' | 'ENABLED';
const AUDITED_AS = {
  REGISTERED: AuditActions.ClientCreate,
  SECRET_ROTATED: AuditActions.ClientSecretRotation,
  KEYS_CHANGED: AuditActions.ClientJwks,
  DISABLED: AuditActions.ClientDisable,
  ENABLED: AuditActions.ClientEnable,
} as const;

/**
 * API clients of organisations. Secrets are shown once and stored only as scrypt hashes. Every change is announced
 * (ClientChanged, never a secret) and audited in the transaction that makes it.
 */
@Injectable()
export class ClientRegistry {
  constructor(
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter = new OutboxWriter('identity'),
    @Inject(AuditLog) private readonly audit: AuditLog = new AuditLog(),
    @Optional() @Inject(SecretVerificationCache) private readonly verified?: SecretVerificationCache,
  ) {}

  async create(em: EntityManager, orgCode: string, role: string, opts: NewClientOptions = {}): Promise<RegisteredClient> {
    if (!(CLIENT_ROLES as readonly string[]).includes(role)) throw ClientErrors.unknownRole(role);
    await requireActiveOrganisation(em, orgCode);
    const authMethod = opts.authMethod ?? 'client_secret_basic';
    const clientId = `${role}-${orgCode}-${randomUUID().slice(0, 8)}`;
    const secret = authMethod === 'client_secret_basic' ? newClientSecret() : undefined;
    const [row] = await em.query(
      `INSERT INTO api_clients (client_id, secret_hash, org_code, role, scopes, auth_method, jwks, redirect_uris)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${CLIENT_VIEW_COLUMNS}`,
      [clientId, secret ? await hashClientSecret(secret) : null, orgCode, role, ROLE_SCOPES[role as ClientRole], authMethod,
        opts.jwks ?? null, opts.redirectUris ?? []],
    );
    await this.changed(em, row, 'REGISTERED', opts.actor ?? CLI_ACTOR);
    return { role: role as ClientRole, org: orgCode, client_id: clientId, ...(secret ? { client_secret: secret } : {}) };
  }

  /** A new secret; the one it replaces keeps working for `overlapSeconds`, the one before that stops at once. */
  async rotateSecret(em: EntityManager, clientId: string, overlapSeconds: number, actor: AuditActor) {
    await this.lock(em, clientId, 'client_secret_basic');
    const secret = newClientSecret();
    const [[row]] = await em.query(
      `UPDATE api_clients SET previous_secret_hash = secret_hash, previous_secret_until = now() + make_interval(secs => $3),
         secret_hash = $2, updated_at = now() WHERE client_id = $1 RETURNING ${CLIENT_VIEW_COLUMNS}`,
      [clientId, await hashClientSecret(secret), overlapSeconds],
    );
    await this.changed(em, row, 'SECRET_ROTATED', actor);
    return { ...(row as ClientView), clientSecret: secret };
  }

  async replaceJwks(em: EntityManager, clientId: string, jwks: { keys: JWK[] }, actor: AuditActor): Promise<ClientView> {
    await this.lock(em, clientId, 'private_key_jwt');
    const [[row]] = await em.query(
      `UPDATE api_clients SET jwks = $2, updated_at = now() WHERE client_id = $1 RETURNING ${CLIENT_VIEW_COLUMNS}`,
      [clientId, jwks],
    );
    return this.changed(em, row, 'KEYS_CHANGED', actor);
  }

  async setDisabled(em: EntityManager, clientId: string, disabled: boolean, actor: AuditActor): Promise<ClientView> {
    await this.lock(em, clientId);
    const [[row]] = await em.query(
      `UPDATE api_clients SET disabled = $2, updated_at = now() WHERE client_id = $1 RETURNING ${CLIENT_VIEW_COLUMNS}`,
      [clientId, disabled],
    );
    return this.changed(em, row, disabled ? 'DISABLED' : 'ENABLED', actor);
  }

  private async lock(em: EntityManager, clientId: string, needs?: AuthMethod): Promise<void> {
    const [row] = await em.query('SELECT auth_method FROM api_clients WHERE client_id = $1 FOR UPDATE', [clientId]);
    if (!row) throw ClientErrors.notFound(clientId);
    if (needs && row.auth_method !== needs) throw ClientErrors.wrongAuthMethod(needs);
  }

  private async changed(em: EntityManager, client: ClientView, change: Change, actor: AuditActor): Promise<ClientView> {
    await this.outbox.append(em, client.clientId, {
      type: Topics.ClientChanged,
      payload: { clientId: client.clientId, orgCode: client.orgCode, role: client.role, scopes: client.scopes, status: client.status, change },
    });
    await this.audit.write(em, actor, { action: AUDITED_AS[change], outcome: 'GRANTED', subject: client.clientId, org: client.orgCode });
    this.verified?.forget(client.clientId);
    return client;
  }
}
