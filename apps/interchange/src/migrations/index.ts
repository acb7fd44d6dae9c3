import { CreateMessagingTables1763900000000 } from '@edu/messaging';
import { CreateInterchange1763900000301 } from './1763900000301-create-interchange.js';

export const INTERCHANGE_MIGRATIONS = [CreateMessagingTables1763900000000, CreateInterchange1763900000301];
