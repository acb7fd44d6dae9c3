import { exportPublicKeyPem, sealPrivateKey } from '@edu/crypto';
import type { EntityManager } from '@edu/persistence';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSealDirectory } from '../../testing/fake-seal-directory.js';
import { CountingKeyStore } from '../../testing/fakes.js';
import { buildSealPki } from '../../testing/seal-pki.js';
import { SoftwareKeyStore } from '../custody/key-store.js';
import { SealSigners } from './seal-signers.js';

const em = {} as EntityManager;

describe('SealSigners', () => {
  const kek = randomBytes(32);
  const pki = buildSealPki();
  let directory: FakeSealDirectory;
  let keys: CountingKeyStore;
  let signers: SealSigners;

  const addActiveKey = (keyId: string) =>
    directory.keys.set(keyId, {
      keyId,
      orgCode: 'THPT01',
      status: 'ACTIVE',
      envelope: sealPrivateKey(pki.sealKey, kek),
      publicKeyPem: exportPublicKeyPem(pki.sealKey),
      certificatePem: pki.sealPem,
      chainPem: [pki.issuingPem, pki.rootPem],
      serialHex: '01',
      notAfter: new Date(Date.now() + 86_400_000),
    });

  beforeEach(() => {
    directory = new FakeSealDirectory();
    keys = new CountingKeyStore(new SoftwareKeyStore(kek));
    signers = new SealSigners(directory, keys);
  });

  it('has nothing for an organisation without an active seal', async () => {
    expect(await signers.forOrg(em, 'THPT01')).toBeNull();
  });

  it('opens the key once and reuses the signer, also for concurrent callers', async () => {
    addActiveKey('k1');
    const [a, b] = await Promise.all([signers.forOrg(em, 'THPT01'), signers.forOrg(em, 'THPT01')]);
    const c = await signers.forOrg(em, 'THPT01');
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(keys.opened).toBe(1);
    expect(a?.signerSubject).toContain('CN=Truong THPT Tran Phu');
    expect(a?.signerCertificateSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rebuilds when the active key changed, even without an invalidation', async () => {
    addActiveKey('k1');
    await signers.forOrg(em, 'THPT01');
    directory.keys.get('k1')!.status = 'RETIRED';
    addActiveKey('k2');
    expect((await signers.forOrg(em, 'THPT01'))?.keyId).toBe('k2');
    expect(keys.opened).toBe(2);
  });

  it('rebuilds after invalidate', async () => {
    addActiveKey('k1');
    await signers.forOrg(em, 'THPT01');
    signers.invalidate('THPT01');
    await signers.forOrg(em, 'THPT01');
    expect(keys.opened).toBe(2);
  });

  it('does not cache a failed build', async () => {
    addActiveKey('k1');
    directory.keys.get('k1')!.envelope = sealPrivateKey(pki.sealKey, randomBytes(32)); // sealed under another KEK
    await expect(signers.forOrg(em, 'THPT01')).rejects.toThrow(/wrong KEK/);
    directory.keys.get('k1')!.envelope = sealPrivateKey(pki.sealKey, kek);
    expect((await signers.forOrg(em, 'THPT01'))?.keyId).toBe('k1');
  });
});
