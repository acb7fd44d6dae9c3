import type { ClientRole } from '@edu/auth';
import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import type { JWK } from 'jose';
import { ClientErrors } from './client-errors.js';

export type AuthMethod = 'client_secret_basic' | 'private_key_jwt' | 'none';
export const AUTH_METHODS: readonly AuthMethod[] = ['client_secret_basic', 'private_key_jwt', 'none'];

/** A client as operators see it: never a secret or a hash. */
export interface ClientView {
  clientId: string;
  orgCode: string;
  role: ClientRole;
  scopes: string[];
  authMethod: AuthMethod;
  status: 'ACTIVE' | 'DISABLED';
  jwks: { keys: JWK[] } | null;
  redirectUris: string[];
  /** Until when the secret before the last rotation still works; null when none does. */
  previousSecretValidUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export const CLIENT_VIEW_COLUMNS = `client_id AS "clientId", org_code AS "orgCode", role, scopes, auth_method AS "authMethod",
  CASE WHEN disabled THEN 'DISABLED' ELSE 'ACTIVE' END AS status, jwks, redirect_uris AS "redirectUris",
  CASE WHEN previous_secret_until > now() THEN previous_secret_until END AS "previousSecretValidUntil",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

const LIST_LIMIT = 1000;

@Injectable()
export class ClientViews {
  async find(em: EntityManager, clientId: string): Promise<ClientView> {
    const [row] = await em.query(`SELECT ${CLIENT_VIEW_COLUMNS} FROM api_clients WHERE client_id = $1`, [clientId]);
    if (!row) throw ClientErrors.notFound(clientId);
    return row;
  }

  /** An organisation's clients, or the first thousand of all, by id. */
  async list(em: EntityManager, orgCode: string | null): Promise<{ items: ClientView[] }> {
    const items = await em.query(
      `SELECT ${CLIENT_VIEW_COLUMNS} FROM api_clients WHERE $1::text IS NULL OR org_code = $1 ORDER BY client_id LIMIT ${LIST_LIMIT}`,
      [orgCode],
    );
    return { items };
  }
}
