import { commonSchema, env, loadConfig } from '@edu/config';

export const interchangeConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8080, min: 1, max: 65535 }),
  IDENTITY_URL: env.string({ default: 'http://127.0.0.1:8081' }),
  MINIO_ENDPOINT: env.string({ default: '127.0.0.1' }),
  MINIO_PORT: env.int({ default: 9000 }),
  MINIO_ACCESS_KEY: env.string({ secret: true }),
  MINIO_SECRET_KEY: env.string({ secret: true }),
  STAGING_BUCKET: env.string({ default: 'edu-staging' }),
  /** Largest accepted submission body. A học bạ is ~10 KB; attachments travel separately. */
  MAX_BODY: env.string({ default: '512kb' }),
};

export type InterchangeConfig = ReturnType<typeof loadInterchangeConfig>;
export const loadInterchangeConfig = () => loadConfig(interchangeConfigSchema);
export const INTERCHANGE_CONFIG = Symbol('InterchangeConfig');
