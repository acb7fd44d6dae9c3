import { commonSchema, env, loadConfig } from '@edu/config';

export const archivingConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8083, min: 1, max: 65535 }),
  IDENTITY_URL: env.string({ default: 'http://127.0.0.1:8081' }),
  MINIO_ENDPOINT: env.string({ default: '127.0.0.1' }),
  MINIO_PORT: env.int({ default: 9000 }),
  MINIO_ACCESS_KEY: env.string({ secret: true }),
  MINIO_SECRET_KEY: env.string({ secret: true }),
  ARCHIVE_BUCKET: env.string({ default: 'edu-archive' }),
  /** COMPLIANCE retention per document class, in days. Long in production (decades); short in the demo. */
  RETENTION_DAYS_HOC_BA: env.int({ default: 1, min: 1 }),
  RETENTION_DAYS_DEFAULT: env.int({ default: 1, min: 1 }),
};

export type ArchivingConfig = ReturnType<typeof loadArchivingConfig>;
export const loadArchivingConfig = () => loadConfig(archivingConfigSchema);
export const ARCHIVING_CONFIG = Symbol('ArchivingConfig');
