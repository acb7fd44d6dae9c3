import { create } from '@bufbuild/protobuf';
import { CertificateIssuedSchema } from '@edu/contracts';
import { exportPublicKeyPem, parseCertificate, sealPrivateKey } from '@edu/crypto';
import { isPermanent } from '@edu/errors';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeSealDirectory } from '../../testing/fake-seal-directory.js';
import { recordingContext } from '../../testing/fakes.js';
import { buildSealPki } from '../../testing/seal-pki.js';
import { ActivateSealHandler } from './activate-seal.handler.js';
import { SoftwareKeyStore } from '../custody/key-store.js';
import { SealSigners } from './seal-signers.js';

describe('ActivateSealHandler', () => {
  const kek = randomBytes(32);
  const pki = buildSealPki();
  let directory: FakeSealDirectory;
  let signers: SealSigners;
  let handler: ActivateSealHandler;

  const issued = (certificatePem: string, keyId = 'k2') =>
    create(CertificateIssuedSchema, {
      orgCode: 'THPT01',
      keyId,
      purpose: 'seal',
      serialHex: parseCertificate(certificatePem).serialHex,
      certificatePem,
      chainPem: [pki.issuingPem, pki.rootPem],
      notAfter: parseCertificate(certificatePem).notAfter.toISOString(),
    });

  beforeEach(async () => {
    directory = new FakeSealDirectory();
    signers = new SealSigners(directory, new SoftwareKeyStore(kek));
    handler = new ActivateSealHandler(directory, signers);
    const base = { orgCode: 'THPT01', envelope: sealPrivateKey(pki.sealKey, kek), publicKeyPem: exportPublicKeyPem(pki.sealKey) };
    directory.keys.set('k1', { ...base, keyId: 'k1', status: 'ACTIVE', certificatePem: pki.sealPem, chainPem: [pki.issuingPem], serialHex: '01', notAfter: new Date(Date.now() + 1e9) });
    directory.keys.set('k2', { ...base, keyId: 'k2', status: 'PENDING', certificatePem: null, chainPem: [], serialHex: null, notAfter: null });
  });

  it('activates the pending key, retires the previous one and drops the cached signer', async () => {
    expect((await signers.forOrg(recordingContext().em, 'THPT01'))?.keyId).toBe('k1');
    await handler.execute(issued(pki.sealPem), recordingContext());
    expect(directory.keys.get('k1')?.status).toBe('RETIRED');
    expect(directory.keys.get('k2')).toMatchObject({ status: 'ACTIVE', certificatePem: pki.sealPem, serialHex: parseCertificate(pki.sealPem).serialHex });
    expect((await signers.forOrg(recordingContext().em, 'THPT01'))?.keyId).toBe('k2');
  });

  it('treats the same certificate delivered twice as done', async () => {
    await handler.execute(issued(pki.sealPem), recordingContext());
    await expect(handler.execute(issued(pki.sealPem), recordingContext())).resolves.toBeUndefined();
  });

  it('refuses, permanently, a certificate over another key', async () => {
    const err = await handler.execute(issued(pki.otherSealPem), recordingContext()).catch((e) => e);
    expect(err.code).toBe('SIGNING.CERTIFICATE_MISMATCH');
    expect(isPermanent(err)).toBe(true);
    expect(directory.keys.get('k2')?.status).toBe('PENDING');
  });

  it('renews the ACTIVE key with a new certificate over the same key, and refuses one over another key', async () => {
    await handler.execute(issued(pki.renewedSealPem, 'k1'), recordingContext());
    expect(directory.keys.get('k1')).toMatchObject({ status: 'ACTIVE', certificatePem: pki.renewedSealPem, serialHex: parseCertificate(pki.renewedSealPem).serialHex });
    expect((await signers.forOrg(recordingContext().em, 'THPT01'))?.signerCertificateSha256).toBe(parseCertificate(pki.renewedSealPem).fingerprintSha256);
    const err = await handler.execute(issued(pki.otherSealPem, 'k1'), recordingContext()).catch((e) => e);
    expect(err.code).toBe('SIGNING.CERTIFICATE_MISMATCH');
  });

  it('ignores a seal certified for a key it does not hold (no key id)', async () => {
    await expect(handler.execute(issued(pki.otherSealPem, ''), recordingContext())).resolves.toBeUndefined();
    expect(directory.keys.get('k2')?.status).toBe('PENDING');
  });

  it('refuses an unknown key and ignores non-seal certificates', async () => {
    expect((await handler.execute(issued(pki.sealPem, 'nope'), recordingContext()).catch((e) => e)).code).toBe('SIGNING.SEAL_KEY_UNKNOWN');
    const person = issued(pki.sealPem);
    person.purpose = 'person';
    await handler.execute(person, recordingContext());
    expect(directory.keys.get('k2')?.status).toBe('PENDING');
  });
});
