import { DomainError } from '@edu/errors';
import type { EntityManager } from '@edu/persistence';
import { ClientErrors } from './client-errors.js';

/** Clients and users belong to an organisation that exists and is still active (not closed or merged away). */
export async function requireActiveOrganisation(em: EntityManager, code: string): Promise<void> {
  const [org] = await em.query('SELECT status FROM organisations WHERE code = $1', [code]);
  if (!org) throw ClientErrors.unknownOrganisation(code);
  if (org.status !== 'ACTIVE')
    throw new DomainError('IDENTITY.ORGANISATION_INACTIVE', 'unprocessable', {
      vi: `Đơn vị ${code} không còn hoạt động (${org.status})`,
      en: `The organisation ${code} is no longer active (${org.status})`,
    }, 'orgCode');
}
