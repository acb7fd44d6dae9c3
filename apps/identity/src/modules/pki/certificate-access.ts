import { Scopes, type Principal } from '@edu/auth';
import type { EndEntityProfile } from './certificate-authority.js';
import { PkiErrors } from './pki-errors.js';

/**
 * Operators manage every certificate. A school's client manages only person certificates of its own organisation:
 * its teachers' and principal's, whose keys sit on their own tokens.
 */
export function assertMayManage(principal: Principal, profile: EndEntityProfile, orgCode: string | null): void {
  if (principal.scopes.includes(Scopes.Operations)) return;
  if (principal.role === 'school' && profile === 'person' && orgCode === principal.org) return;
  throw PkiErrors.profileForbidden();
}
