import { CreateMessagingTables1763900000000, OutboxPayloadUncompressed1766000000000 } from '@edu/messaging';
import { CreateArchiveIndex1763900000101 } from './1763900000101-create-archive-index.js';

export const ARCHIVING_MIGRATIONS = [CreateMessagingTables1763900000000, CreateArchiveIndex1763900000101, OutboxPayloadUncompressed1766000000000];
