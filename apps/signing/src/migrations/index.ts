import { CreateMessagingTables1763900000000, OutboxPayloadUncompressed1766000000000 } from '@edu/messaging';
import { CreateOrganisations1763900000201 } from './1763900000201-create-organisations.js';
import { CreateSealKeys1763900000202 } from './1763900000202-create-seal-keys.js';
import { CreateSignatures1763900000203 } from './1763900000203-create-signatures.js';
import { RevocationAndSigners1764000000500 } from './1764000000500-revocation-and-signers.js';
import { SigningWorkflows1765000000600 } from './1765000000600-signing-workflows.js';
import { Custody1765000000700 } from './1765000000700-custody.js';
import { SignaturesUncompressed1766000000100 } from './1766000000100-signatures-uncompressed.js';

export const SIGNING_MIGRATIONS = [
  CreateMessagingTables1763900000000,
  CreateOrganisations1763900000201,
  CreateSealKeys1763900000202,
  CreateSignatures1763900000203,
  RevocationAndSigners1764000000500,
  SigningWorkflows1765000000600,
  Custody1765000000700,
  OutboxPayloadUncompressed1766000000000,
  SignaturesUncompressed1766000000100,
];
