import { commonSchema, env, loadConfig } from '@edu/config';

export const signingConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8082, min: 1, max: 65535 }),
  /** Where the operator endpoint fetches the token-signing keys (JWKS). */
  IDENTITY_URL: env.string({ default: 'http://127.0.0.1:8081' }),
  MINIO_ENDPOINT: env.string({ default: '127.0.0.1' }),
  MINIO_PORT: env.int({ default: 9000 }),
  MINIO_ACCESS_KEY: env.string({ secret: true }),
  MINIO_SECRET_KEY: env.string({ secret: true }),
  /** The only bucket signing reads content from: interchange stages submissions there. */
  STAGING_BUCKET: env.string({ default: 'edu-staging' }),
  /** Key-encryption key (32 bytes, base64) for the seal keys at rest. Secret: no default. */
  EDU_KEK: env.key32(),
};

export type SigningConfig = ReturnType<typeof loadSigningConfig>;
export const loadSigningConfig = () => loadConfig(signingConfigSchema);
export const SIGNING_CONFIG = Symbol('SigningConfig');
