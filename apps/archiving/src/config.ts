import { commonSchema, env, identityClientSchema, loadConfig, objectStoreSchema } from '@edu/config';

export const archivingConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8083, min: 1, max: 65535 }),
  ...identityClientSchema,
  ...objectStoreSchema,
  ARCHIVE_BUCKET: env.string({ default: 'edu-archive' }),
  /** COMPLIANCE retention per document class, in days. Long in production (decades); short in the demo. */
  RETENTION_DAYS_HOC_BA: env.int({ default: 1, min: 1 }),
  /** Invoices and contracts: accounting records, ten years in production (Law on Accounting 88/2015/QH13, Art. 41). */
  RETENTION_DAYS_ACCOUNTING: env.int({ default: 1, min: 1 }),
  RETENTION_DAYS_DEFAULT: env.int({ default: 1, min: 1 }),
  /** Bytes of contents and containers held at once while containers are built (an 8 MiB contract holds ~22 MB). */
  CONTAINER_MEMORY_BUDGET: env.int({ default: 48 * 1024 * 1024, min: 1024 * 1024 }),
};

export type ArchivingConfig = ReturnType<typeof loadArchivingConfig>;
export const loadArchivingConfig = () => loadConfig(archivingConfigSchema);
export const ARCHIVING_CONFIG = Symbol('ArchivingConfig');
