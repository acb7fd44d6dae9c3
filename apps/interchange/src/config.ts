import { commonSchema, env, identityClientSchema, loadConfig, objectStoreSchema } from '@edu/config';

export const interchangeConfigSchema = {
  ...commonSchema,
  PORT: env.int({ default: 8080, min: 1, max: 65535 }),
  ...identityClientSchema,
  ...objectStoreSchema,
  STAGING_BUCKET: env.string({ default: 'edu-staging' }),
  /** Signing renders and seals the học bạ PDF that GET /v1/documents/{id}/pdf serves. */
  SIGNING_URL: env.string({ default: 'http://127.0.0.1:8082' }),
  /** Canonical content up to this many bytes stays in the database and travels inline in events; larger is staged. */
  INLINE_CONTENT_MAX: env.int({ default: 256 * 1024, min: 0, max: 512 * 1024 }),
  /**
   * Largest accepted submission body. A học bạ is ~10 KB; an invoice or contract carries its PDF (up to 8 MiB) as
   * base64, 11 MB.
   */
  MAX_BODY: env.string({ default: '12mb' }),
  /**
   * Submissions with bodies over 1 MiB (invoices and contracts with their PDFs) processed at once; the others wait.
   * Each holds ~70 MB while it is parsed, canonicalised and checked.
   */
  LARGE_BODY_CONCURRENCY: env.int({ default: 1, min: 1, max: 16 }),
};

export type InterchangeConfig = ReturnType<typeof loadInterchangeConfig>;
export const loadInterchangeConfig = () => loadConfig(interchangeConfigSchema);
export const INTERCHANGE_CONFIG = Symbol('InterchangeConfig');
