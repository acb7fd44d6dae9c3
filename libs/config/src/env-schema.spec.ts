import { describe, expect, it } from 'vitest';
import { ConfigError, env, loadConfig } from './index.js';

describe('loadConfig', () => {
  const schema = {
    PORT: env.int({ default: 8080, min: 1, max: 65535 }),
    SECRET: env.string({ secret: true }),
    BROKERS: env.list({ default: ['a:1'] }),
    KEK: env.key32(),
  };

  it('parses and applies defaults', () => {
    const cfg = loadConfig(schema, { SECRET: 's', KEK: Buffer.alloc(32, 1).toString('base64') });
    expect(cfg.PORT).toBe(8080);
    expect(cfg.BROKERS).toEqual(['a:1']);
    expect(cfg.KEK.length).toBe(32);
  });

  it('accepts only the listed words for a choice', () => {
    const choice = { STORE: env.oneOf(['software', 'pkcs11'], { default: 'software' }) };
    expect(loadConfig(choice, {}).STORE).toBe('software');
    expect(loadConfig(choice, { STORE: 'pkcs11' }).STORE).toBe('pkcs11');
    expect(() => loadConfig(choice, { STORE: 'hsm' })).toThrow(ConfigError);
  });

  it('reports every problem at once, and never defaults a secret', () => {
    try {
      loadConfig(schema, { PORT: '99999', KEK: 'short' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as ConfigError).problems).toEqual([
        'PORT must be ≤ 65535',
        'SECRET is required',
        'KEK must be 32 bytes in base64',
      ]);
    }
  });
});
