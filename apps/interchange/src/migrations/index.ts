import { CreateMessagingTables1763900000000 } from '@edu/messaging';
import { CreateInterchange1763900000301 } from './1763900000301-create-interchange.js';
import { InlineContent1763900000302 } from './1763900000302-inline-content.js';

export const INTERCHANGE_MIGRATIONS = [CreateMessagingTables1763900000000, CreateInterchange1763900000301, InlineContent1763900000302];
