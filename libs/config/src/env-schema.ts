/**
 * A tiny typed environment schema: each app declares what it reads, the schema is checked once at boot and the
 * result is a frozen typed object. Secrets have no defaults.
 */
type Parser<T> = (raw: string | undefined, name: string) => T;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

export const env = {
  string(opts: { default?: string; secret?: boolean } = {}): Parser<string> {
    return (raw, name) => {
      if (raw !== undefined && raw !== '') return raw;
      if (opts.default !== undefined && !opts.secret) return opts.default;
      throw new Error(`${name} is required`);
    };
  },
  int(opts: { default?: number; min?: number; max?: number } = {}): Parser<number> {
    return (raw, name) => {
      if ((raw === undefined || raw === '') && opts.default !== undefined) return opts.default;
      const n = Number(raw);
      if (!Number.isInteger(n)) throw new Error(`${name} must be an integer`);
      if (opts.min !== undefined && n < opts.min) throw new Error(`${name} must be ≥ ${opts.min}`);
      if (opts.max !== undefined && n > opts.max) throw new Error(`${name} must be ≤ ${opts.max}`);
      return n;
    };
  },
  list(opts: { default?: string[] } = {}): Parser<string[]> {
    return (raw, name) => {
      const items = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      if (items.length) return items;
      if (opts.default) return opts.default;
      throw new Error(`${name} is required`);
    };
  },
  /** One of a fixed set of words. */
  oneOf<T extends string>(choices: readonly T[], opts: { default?: T } = {}): Parser<T> {
    return (raw, name) => {
      if ((raw === undefined || raw === '') && opts.default !== undefined) return opts.default;
      if (choices.includes(raw as T)) return raw as T;
      throw new Error(`${name} must be one of ${choices.join(', ')}`);
    };
  },
  /** 32 bytes, base64: a key-encryption key. */
  key32(): Parser<Buffer> {
    return (raw, name) => {
      const buf = Buffer.from(raw ?? '', 'base64');
      if (buf.length !== 32) throw new Error(`${name} must be 32 bytes in base64`);
      return buf;
    };
  },
};

export type Schema = Record<string, Parser<unknown>>;
export type ConfigOf<S extends Schema> = { readonly [K in keyof S]: S[K] extends Parser<infer T> ? T : never };

export function loadConfig<S extends Schema>(schema: S, source: NodeJS.ProcessEnv = process.env): ConfigOf<S> {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, parse] of Object.entries(schema)) {
    try {
      out[name] = parse(source[name], name);
    } catch (err) {
      problems.push((err as Error).message);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(out) as ConfigOf<S>;
}

/** Settings every service shares: the stack's addresses and credentials. */
export const commonSchema = {
  DATABASE_URL: env.string({ secret: true }),
  KAFKA_BROKERS: env.list({ default: ['127.0.0.1:9092'] }),
  LOG_LEVEL: env.string({ default: 'log' }),
};

/** Where the token-signing keys (JWKS) come from: every service verifies tokens at its HTTP edge. */
export const identityClientSchema = {
  IDENTITY_URL: env.string({ default: 'http://127.0.0.1:8081' }),
};

/** MinIO / S3 connection. */
export const objectStoreSchema = {
  MINIO_ENDPOINT: env.string({ default: '127.0.0.1' }),
  MINIO_PORT: env.int({ default: 9000 }),
  MINIO_ACCESS_KEY: env.string({ secret: true }),
  MINIO_SECRET_KEY: env.string({ secret: true }),
};
