import { commonSchema, env, loadConfig } from '@edu/config';

export const identityConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8081, min: 1, max: 65535 }),
  /** Key-encryption key: every private key (CA, seals' certificates' issuer, token keys) is sealed under it. */
  EDU_KEK: env.key32(),
  /** Public base URL, written into certificates' CRL and OCSP pointers and the token issuer's JWKS address. */
  IDENTITY_URL: env.string({ default: 'http://127.0.0.1:8081' }),
  TOKEN_TTL_SECONDS: env.int({ default: 600, min: 60, max: 3600 }),
};

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;
export const loadIdentityConfig = (source: NodeJS.ProcessEnv = process.env) => loadConfig(identityConfigSchema, source);
export const IDENTITY_CONFIG = Symbol('IdentityConfig');
