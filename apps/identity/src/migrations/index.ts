import { CreateMessagingTables1763900000000, OutboxPayloadUncompressed1766000000000 } from '@edu/messaging';
import { CreateIdentity1763900000201 } from './1763900000201-create-identity.js';
import { PeopleAndRosters1764000000100 } from './1764000000100-people-and-rosters.js';
import { OrganisationHistory1764000000200 } from './1764000000200-organisation-history.js';
import { PkiLifecycle1764000000300 } from './1764000000300-pki-lifecycle.js';
import { AccessRightsUsersAudit1764000000400 } from './1764000000400-access-rights-users-audit.js';

export const IDENTITY_MIGRATIONS = [CreateMessagingTables1763900000000, CreateIdentity1763900000201, PeopleAndRosters1764000000100, OrganisationHistory1764000000200, PkiLifecycle1764000000300, AccessRightsUsersAudit1764000000400, OutboxPayloadUncompressed1766000000000];
