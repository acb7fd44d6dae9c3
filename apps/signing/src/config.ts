import { commonSchema, env, identityClientSchema, loadConfig, objectStoreSchema } from '@edu/config';

export const signingConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8082, min: 1, max: 65535 }),
  ...identityClientSchema,
  ...objectStoreSchema,
  /** The only bucket signing reads content from: interchange stages submissions there. */
  STAGING_BUCKET: env.string({ default: 'edu-staging' }),
  /** Key-encryption key (32 bytes, base64) for the seal keys at rest. Secret: no default. */
  EDU_KEK: env.key32(),
};

export type SigningConfig = ReturnType<typeof loadSigningConfig>;
export const loadSigningConfig = () => loadConfig(signingConfigSchema);
export const SIGNING_CONFIG = Symbol('SigningConfig');
