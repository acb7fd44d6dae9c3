import { commonSchema, env, loadConfig } from '@edu/config';

export const identityConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8081, min: 1, max: 65535 }),
  /** Key-encryption key: every private key (CA, seals' certificates' issuer, token keys) is sealed under it. */
  EDU_KEK: env.key32(),
  /** Public base URL, written into certificates' CRL and OCSP pointers and the token issuer's JWKS address. */
  IDENTITY_URL: env.string({ default: 'http://127.0.0.1:8081' }),
  TOKEN_TTL_SECONDS: env.int({ default: 600, min: 60, max: 3600 }),
  /** The base URL clients put in a private_key_jwt assertion's `aud` (`<it>/oauth2/token`). */
  IDENTITY_PUBLIC_URL: env.string({ default: 'http://127.0.0.1:8081' }),
  /** How long a client's previous secret keeps working after a rotation. */
  CLIENT_SECRET_OVERLAP_SECONDS: env.int({ default: 24 * 3600, min: 0, max: 30 * 24 * 3600 }),
  /** How long a verified client secret is remembered in memory (skips scrypt); 0 turns the cache off. */
  CLIENT_SECRET_CACHE_SECONDS: env.int({ default: 60, min: 0, max: 3600 }),
  /** How often each instance reloads the token keys (picks up another instance's rotation, retires old keys). */
  TOKEN_KEYS_RELOAD_SECONDS: env.int({ default: 30, min: 1, max: 3600 }),
  LOGIN_MAX_FAILURES: env.int({ default: 5, min: 1, max: 100 }),
  LOGIN_LOCKOUT_SECONDS: env.int({ default: 15 * 60, min: 1, max: 24 * 3600 }),
};

export type IdentityConfig = ReturnType<typeof loadIdentityConfig>;
export const loadIdentityConfig = (source: NodeJS.ProcessEnv = process.env) => loadConfig(identityConfigSchema, source);
export const IDENTITY_CONFIG = Symbol('IdentityConfig');
