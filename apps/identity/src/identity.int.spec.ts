import { generateRsaKeyPair } from '@edu/crypto';
import type { DataSource } from '@edu/persistence';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../test/support/stack.js';
import { loadIdentityConfig } from './config.js';
import { CertificateAuthority } from './modules/pki/certificate-authority.js';
import { TokenKeys } from './modules/tokens/token-keys.js';
import { throwawayIdentitySchema } from './testing/throwaway-schema.js';
import { scratchDir } from '../../../test/support/scratch-dir.js';

/** Identity's key custody against the real PostgreSQL, in a throwaway schema: made once, sealed, reopened the same. */
describe('identity against PostgreSQL', () => {
  const env = stackEnv();
  const config = loadIdentityConfig({ ...env, PORT: '8081' });
  const database = throwawayIdentitySchema('itest_identity');
  let ds: DataSource;
  beforeAll(() => {
    ds = database();
  });

  it('creates the CA once, keeps its keys sealed, and issues seals that OpenSSL chains to it', async () => {
    const first = new CertificateAuthority(ds, config);
    await first.onModuleInit();
    const again = new CertificateAuthority(ds, config);
    await again.onModuleInit();
    expect(again.chainPems()).toEqual(first.chainPems());

    const stored: Array<{ key_envelope: string }> = await ds.query('SELECT key_envelope FROM ca_keys');
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      // A sealed envelope, not a key: no PEM armour, and no DER key (base64 "MII…") anywhere in its fields. Random
      // ciphertext may contain the letters MII anywhere; a field that is plain DER would start with them.
      expect(row.key_envelope).not.toMatch(/PRIVATE KEY/);
      const envelope = JSON.parse(row.key_envelope);
      expect(Object.keys(envelope).sort()).toEqual(['dataKey', 'keyFormat', 'payload', 'version']);
      expect(envelope.payload.algorithm).toBe('aes-256-gcm');
      expect(JSON.parse(row.key_envelope).payload.algorithm).toBe('aes-256-gcm');
    }

    const seal = again.issue('seal', { commonName: 'Trường THPT Trần Phú', serialNumber: '31000101' }, generateRsaKeyPair().publicKey);
    const dir = scratchDir('seal-');
    writeFileSync(join(dir, 'seal.pem'), seal);
    writeFileSync(join(dir, 'root.pem'), first.chainPems()[1]);
    writeFileSync(join(dir, 'issuing.pem'), first.chainPems()[0]);
    const out = execFileSync('openssl', ['verify', '-CAfile', join(dir, 'root.pem'), '-untrusted', join(dir, 'issuing.pem'), join(dir, 'seal.pem')]).toString();
    expect(out).toContain('seal.pem: OK');
  });

  it('keeps one sealed token-signing key across restarts and publishes only its public half', async () => {
    const a = new TokenKeys(ds, config);
    await a.onModuleInit();
    const b = new TokenKeys(ds, config);
    await b.onModuleInit();
    expect(b.current().kid).toBe(a.current().kid);
    const [jwk] = (await b.publicJwks()).keys;
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: a.current().kid });
    expect(jwk).not.toHaveProperty('d');
  });
});
