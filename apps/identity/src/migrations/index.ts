import { CreateMessagingTables1763900000000 } from '@edu/messaging';
import { CreateIdentity1763900000201 } from './1763900000201-create-identity.js';

export const IDENTITY_MIGRATIONS = [CreateMessagingTables1763900000000, CreateIdentity1763900000201];
