import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CmsSigner } from './cms-signer.js';
import { issueCertificate } from './issue-certificate.js';
import { openssl } from './testing/openssl.js';
import { buildTestPki, type TestPki } from './testing/test-pki.js';
import { verifyDetachedCms } from './verify-detached-cms.js';

const content = Buffer.from('học bạ điện tử', 'utf8');

describe('verifyDetachedCms', () => {
  let pki: TestPki;
  let otherPki: TestPki;
  let cms: Buffer;
  beforeAll(() => {
    pki = buildTestPki();
    otherPki = buildTestPki('Bộ Giáo dục và Đào tạo – Root CA'); // same names, different keys
    cms = new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem], privateKey: pki.seal.privateKey }).sign(content);
  });

  it('accepts the issuing CA itself as the trust anchor', async () => {
    expect((await verifyDetachedCms({ content, cms, trustedCaPems: [pki.issuing.certPem] })).valid).toBe(true);
  });

  it('rejects a signer that does not chain to the trust anchor, even under identical names', async () => {
    const result = await verifyDetachedCms({ content, cms, trustedCaPems: [otherPki.root.certPem] });
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(/no path to a trusted CA/);
    expect(result.signerSubject).toBeDefined();
  });

  it('returns invalid, without throwing, for garbage and truncated input', async () => {
    for (const bad of [Buffer.from('not a cms at all'), Buffer.alloc(0), cms.subarray(0, cms.length - 10), Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01])]) {
      const result = await verifyDetachedCms({ content, cms: bad, trustedCaPems: [pki.root.certPem] });
      expect(result.valid).toBe(false);
      expect(result.reason).toBeTruthy();
    }
    const badAnchor = await verifyDetachedCms({ content, cms, trustedCaPems: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'] });
    expect(badAnchor.valid).toBe(false);
  });

  it('rejects a signature whose bytes were altered', async () => {
    const tampered = Buffer.from(cms);
    tampered[tampered.length - 5] ^= 0xff; // inside the RSA signature, the last field of the structure
    const result = await verifyDetachedCms({ content, cms: tampered, trustedCaPems: [pki.root.certPem] });
    expect(result).toMatchObject({ valid: false, reason: 'signature does not verify with the signer certificate' });
  });

  it('checks validity at the requested time', async () => {
    const result = await verifyDetachedCms({ content, cms, trustedCaPems: [pki.root.certPem], at: new Date('2099-01-01T00:00:00Z') });
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(/expired/);
  });

  it('rejects a certificate swapped in under the same issuer and serial (signing-certificate-v2)', async () => {
    // Same subject, issuer and serial as the real seal but a different certificate: only the ESS hash tells them apart.
    const real = new X509Certificate(pki.seal.certPem);
    const makeTwin = () =>
      new X509Certificate(
        issueCertificate({
          profile: 'seal',
          subject: { commonName: 'Trường THPT Trần Phú – Hải Phòng', organization: 'Sở Giáo dục và Đào tạo Hải Phòng', locality: 'Hải Phòng', serialNumber: 'MST:0200123456' },
          publicKey: real.publicKey,
          issuer: pki.issuing,
          serialHex: real.serialNumber,
          notBefore: new Date(Date.now() - 60_000),
        }),
      );
    // The swap is done on the bytes, so the twin must have the same DER length (the enclosing lengths stay valid).
    let twinCert = makeTwin();
    for (let i = 0; i < 50 && twinCert.raw.length !== real.raw.length; i++) twinCert = makeTwin();
    expect(twinCert.raw.length).toBe(real.raw.length);
    // Spliced as bytes: a string replace would read `$&`-like runs in the DER as replacement patterns.
    const at = cms.indexOf(real.raw);
    expect(at).toBeGreaterThan(0);
    const swapped = Buffer.concat([cms.subarray(0, at), twinCert.raw, cms.subarray(at + real.raw.length)]);
    expect(swapped.equals(cms)).toBe(false);
    const result = await verifyDetachedCms({ content, cms: swapped, trustedCaPems: [pki.root.certPem] });
    expect(result).toMatchObject({ valid: false, reason: 'signing-certificate-v2 hash does not match the signer certificate' });
  });

  it('verifies CAdES signatures made by OpenSSL, and requires signing-certificate-v2', async () => {
    const files = { 'data.bin': content, 'seal.pem': pki.seal.certPem, 'key.pem': pki.seal.privateKey.export({ type: 'pkcs8', format: 'pem' }), 'issuing.pem': pki.issuing.certPem };
    const sign = (extra: string[]) => {
      const args = ['cms', '-sign', '-binary', '-md', 'sha256', '-outform', 'DER', '-in', 'data.bin', '-out', 'sig.der'];
      const run = openssl([...args, '-signer', 'seal.pem', '-inkey', 'key.pem', '-certfile', 'issuing.pem', ...extra, '-nosmimecap'], files, 'sig.der');
      expect(run.stderr).toBe('');
      return run.output!;
    };
    const cades = sign(['-cades']);
    expect((await verifyDetachedCms({ content, cms: cades, trustedCaPems: [pki.root.certPem] })).valid).toBe(true);
    const plain = sign([]);
    expect(await verifyDetachedCms({ content, cms: plain, trustedCaPems: [pki.root.certPem] })).toMatchObject({
      valid: false,
      reason: 'signing-certificate-v2 attribute is missing',
    });
  });
});
