import { ROLE_SCOPES, type Role } from '@edu/auth';
import { DomainError } from '@edu/errors';
import type { EntityManager } from '@edu/persistence';
import { randomUUID } from 'node:crypto';
import { hashClientSecret, newClientSecret, verifyClientSecret } from './client-secret.js';

export interface RegisteredClient {
  role: Role;
  org: string;
  client_id: string;
  client_secret: string;
}

export interface AuthenticatedClient {
  clientId: string;
  org: string;
  role: Role;
  scopes: string[];
}

const ROLES = Object.keys(ROLE_SCOPES) as Role[];

export const ClientErrors = {
  invalidClient: () =>
    new DomainError('IDENTITY.INVALID_CLIENT', 'unauthenticated', {
      vi: 'Sai mã ứng dụng hoặc khóa bí mật, hoặc ứng dụng đã bị khóa',
      en: 'Unknown client, wrong secret, or disabled client',
    }, 'client_id'),
  unknownRole: (role: string) =>
    new DomainError('IDENTITY.UNKNOWN_ROLE', 'invalid', {
      vi: `Vai trò không hợp lệ: ${role} (school, ministry, operator)`,
      en: `Unknown role ${role} (school, ministry, operator)`,
    }, 'role'),
  unknownOrganisation: (code: string) =>
    new DomainError('IDENTITY.UNKNOWN_ORGANISATION', 'unprocessable', {
      vi: `Không có đơn vị mã ${code}`,
      en: `No organisation with code ${code}`,
    }, 'org'),
};

/** API clients of organisations. Secrets are shown once at creation and stored only as scrypt hashes. */
export class ClientRegistry {
  async create(em: EntityManager, orgCode: string, role: string): Promise<RegisteredClient> {
    if (!ROLES.includes(role as Role)) throw ClientErrors.unknownRole(role);
    const [org] = await em.query('SELECT code FROM organisations WHERE code = $1', [orgCode]);
    if (!org) throw ClientErrors.unknownOrganisation(orgCode);
    const clientId = `${role}-${orgCode}-${randomUUID().slice(0, 8)}`;
    const secret = newClientSecret();
    await em.query('INSERT INTO api_clients (client_id, secret_hash, org_code, role, scopes) VALUES ($1, $2, $3, $4, $5)', [
      clientId,
      await hashClientSecret(secret),
      orgCode,
      role,
      ROLE_SCOPES[role as Role],
    ]);
    return { role: role as Role, org: orgCode, client_id: clientId, client_secret: secret };
  }

  async authenticate(em: EntityManager, clientId: string, secret: string): Promise<AuthenticatedClient> {
    const [row] = await em.query(
      'SELECT client_id, secret_hash, org_code, role, scopes, disabled FROM api_clients WHERE client_id = $1',
      [clientId],
    );
    // Hash even for an unknown client so timing does not reveal which client ids exist.
    const ok = await verifyClientSecret(secret, row?.secret_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA');
    if (!row || !ok || row.disabled) throw ClientErrors.invalidClient();
    return { clientId: row.client_id, org: row.org_code, role: row.role, scopes: row.scopes };
  }
}
