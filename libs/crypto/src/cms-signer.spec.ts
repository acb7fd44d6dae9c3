import { beforeAll, describe, expect, it } from 'vitest';
import { CmsSigner, signDetachedCms } from './cms-signer.js';
import { openssl } from './testing/openssl.js';
import { buildTestPki, SCHOOL_NAME, type TestPki } from './testing/test-pki.js';
import { verifyDetachedCms } from './verify-detached-cms.js';

const content = Buffer.from(JSON.stringify({ student: 'Lê Văn An', grade: 12, gpa: 8.7 }), 'utf8');
const signingTime = new Date('2026-06-01T08:30:00Z');

function opensslVerify(cms: Buffer, data: Buffer, caPems: string) {
  return openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'data.bin', '-CAfile', 'chain.pem', '-purpose', 'any', '-out', '/dev/null'], {
    'sig.der': cms,
    'data.bin': data,
    'chain.pem': caPems,
  });
}

describe('CmsSigner', () => {
  let pki: TestPki;
  let signer: CmsSigner;
  let cms: Buffer;
  beforeAll(() => {
    pki = buildTestPki();
    signer = new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem, pki.root.certPem], privateKey: pki.seal.privateKey });
    cms = signer.sign(content, signingTime);
  });

  it('produces detached SignedData that OpenSSL verifies against the root', () => {
    const run = opensslVerify(cms, content, pki.root.certPem);
    expect(run.stderr).toContain('Verification successful');
    expect(run.status).toBe(0);
  });

  it('carries the CAdES B-B signed attributes, including ESS signing-certificate-v2', () => {
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { 'sig.der': cms }).stdout;
    expect(printed).toMatch(/signingCertificateV2|id-smime-aa-signingCertificateV2/);
    expect(printed).toContain('contentType');
    expect(printed).toContain('messageDigest');
    expect(printed).toMatch(/signingTime[\s\S]*UTCTIME:Jun  1 08:30:00 2026 GMT/);
    expect(printed).toMatch(/eContent: <ABSENT>/);
  });

  it('is rejected by OpenSSL and by us when one content byte changes', async () => {
    const tampered = Buffer.from(content);
    tampered[3] ^= 0x01;
    expect(opensslVerify(cms, tampered, pki.root.certPem).status).not.toBe(0);
    const result = await verifyDetachedCms({ content: tampered, cms, trustedCaPems: [pki.root.certPem] });
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(/message digest/);
  });

  it('verifies with our own verifier and reports the signer', async () => {
    const result = await verifyDetachedCms({ content, cms, trustedCaPems: [pki.root.certPem] });
    expect(result).toMatchObject({ valid: true, signingTime });
    expect(result.signerSubject).toContain(`CN=${SCHOOL_NAME}`);
    expect(result.signerCertPem).toBe(pki.seal.certPem);
  });

  it('signs every call afresh with the cached signer parts', async () => {
    const other = Buffer.from('bảng điểm học kỳ II');
    const second = signer.sign(other);
    expect(opensslVerify(second, other, pki.root.certPem).status).toBe(0);
    expect((await verifyDetachedCms({ content: other, cms: second, trustedCaPems: [pki.root.certPem] })).valid).toBe(true);
  });

  it('switches signingTime to GeneralizedTime from 2050, as RFC 5652 requires', async () => {
    const late = new Date('2051-03-04T05:06:07.890Z');
    const signed = signer.sign(content, late);
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { 'sig.der': signed }).stdout;
    expect(printed).toContain('GENERALIZEDTIME:Mar  4 05:06:07 2051 GMT');
    const result = await verifyDetachedCms({ content, cms: signed, trustedCaPems: [pki.root.certPem] });
    expect(result.signingTime?.toISOString()).toBe('2051-03-04T05:06:07.000Z');
  });

  it('signDetachedCms is the one-shot equivalent', () => {
    const oneShot = signDetachedCms({ content, signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem], privateKey: pki.seal.privateKey, signingTime });
    // Same signer and time; only the root is left out of the certificate set, which verifiers take from their trust store.
    expect(opensslVerify(oneShot, content, pki.root.certPem).status).toBe(0);
    expect(oneShot.length).toBeLessThan(cms.length);
  });

  it('refuses a private key that does not belong to the signer certificate', () => {
    expect(() => new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [], privateKey: pki.issuing.privateKey })).toThrow(/does not match/);
  });
});
