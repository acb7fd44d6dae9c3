import { CreateMessagingTables1763900000000, OutboxPayloadUncompressed1766000000000 } from '@edu/messaging';
import { CreateInterchange1763900000301 } from './1763900000301-create-interchange.js';
import { InlineContent1763900000302 } from './1763900000302-inline-content.js';
import { DocumentFailure1763900000303 } from './1763900000303-document-failure.js';
import { DirectoryMergedInto1764000000200 } from './1764000000200-directory-merged-into.js';
import { SigningSteps1765000000600 } from './1765000000600-signing-steps.js';
import { DocumentSignaturesUncompressed1766000000300 } from './1766000000300-document-signatures-uncompressed.js';
import { DocumentRecords1766000000400 } from './1766000000400-document-records.js';
import { SignaturesKeptBySigning1766000000500 } from './1766000000500-signatures-kept-by-signing.js';

export const INTERCHANGE_MIGRATIONS = [CreateMessagingTables1763900000000, CreateInterchange1763900000301, InlineContent1763900000302, DocumentFailure1763900000303, DirectoryMergedInto1764000000200, SigningSteps1765000000600, OutboxPayloadUncompressed1766000000000, DocumentSignaturesUncompressed1766000000300,
  DocumentRecords1766000000400, SignaturesKeptBySigning1766000000500];
