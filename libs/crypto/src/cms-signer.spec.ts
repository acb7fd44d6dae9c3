import { createHash, createPublicKey, sign, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CmsSigner, signDetachedCms } from './cms-signer.js';
import { openssl } from './testing/openssl.js';
import { buildTestPki, SCHOOL_NAME, type TestPki } from './testing/test-pki.js';
import { checkStatus, validateDetached } from '../../../test/support/cms.js';

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
    const report = await validateDetached(tampered, cms, [pki.root.certPem]);
    expect(report).toMatchObject({ indication: 'FAILED', subIndication: 'HASH_FAILURE' });
    expect(checkStatus(report, 'integrity')).toBe('failed');
  });

  it('verifies with our own verifier and reports the signer', async () => {
    const report = await validateDetached(content, cms, [pki.root.certPem]);
    expect([checkStatus(report, 'integrity'), checkStatus(report, 'chain')]).toEqual(['passed', 'passed']);
    expect(report.signingTime).toEqual(signingTime);
    expect(report.signer?.subject).toContain(`CN=${SCHOOL_NAME}`);
    expect(report.signer?.certificateSha256).toBe(createHash('sha256').update(new X509Certificate(pki.seal.certPem).raw).digest('hex'));
  });

  it('signs every call afresh with the cached signer parts', async () => {
    const other = Buffer.from('bảng điểm học kỳ II');
    const second = signer.sign(other);
    expect(opensslVerify(second, other, pki.root.certPem).status).toBe(0);
    expect(checkStatus(await validateDetached(other, second, [pki.root.certPem]), 'integrity')).toBe('passed');
  });

  it('switches signingTime to GeneralizedTime from 2050, as RFC 5652 requires', async () => {
    const late = new Date('2051-03-04T05:06:07.890Z');
    const signed = signer.sign(content, late);
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { 'sig.der': signed }).stdout;
    expect(printed).toContain('GENERALIZEDTIME:Mar  4 05:06:07 2051 GMT');
    const report = await validateDetached(content, signed, [pki.root.certPem]);
    expect(report.signingTime?.toISOString()).toBe('2051-03-04T05:06:07.000Z');
  });

  it('signDetachedCms is the one-shot equivalent', () => {
    const oneShot = signDetachedCms({ content, signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem], privateKey: pki.seal.privateKey, signingTime });
    // Same signer and time; only the root is left out of the certificate set, which verifiers take from their trust store.
    expect(opensslVerify(oneShot, content, pki.root.certPem).status).toBe(0);
    expect(oneShot.length).toBeLessThan(cms.length);
  });

  it('signs from the content’s SHA-256 digest exactly as from the content, and refuses anything else as a digest', () => {
    const digest = createHash('sha256').update(content).digest();
    expect(signer.finish(signer.prepareDigest(digest, signingTime))).toEqual(cms);
    expect(() => signer.prepareDigest(content.subarray(0, 20), signingTime)).toThrow(/32 bytes/);
  });

  it('prepare + finish without extras is sign, byte for byte (RSA PKCS #1 v1.5 is deterministic)', () => {
    const prepared = signer.prepare(content, signingTime);
    expect(signer.finish(prepared)).toEqual(cms);
    expect(prepared.signedAttributes[0]).toBe(0xa0);
    expect(cms.includes(prepared.signatureValue)).toBe(true);
  });

  it('leaves signing-time out when prepared with null, as PAdES needs', async () => {
    const signed = signer.finish(signer.prepare(content, null));
    expect(opensslVerify(signed, content, pki.root.certPem).status).toBe(0);
    const printed = openssl(['cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'sig.der'], { 'sig.der': signed }).stdout;
    expect(printed).toContain('messageDigest');
    expect(printed).not.toContain('signingTime');
    const report = await validateDetached(content, signed, [pki.root.certPem]);
    expect(checkStatus(report, 'integrity')).toBe('passed');
    expect(report.signingTime).toBeUndefined();
  });

  it('signs through a raw signer (an HSM-held key) exactly as with the KeyObject', () => {
    const key = pki.seal.privateKey;
    const raw = new CmsSigner({
      signerCertPem: pki.seal.certPem,
      chainPems: [pki.issuing.certPem, pki.root.certPem],
      privateKey: { publicKey: createPublicKey(key), sign: (data) => sign('sha256', data, key) },
    });
    expect(raw.sign(content, signingTime)).toEqual(cms);
  });

  it('refuses a raw signer whose public key or signatures are not the certificate key', () => {
    const options = { signerCertPem: pki.seal.certPem, chainPems: [] };
    const otherKey = pki.issuing.privateKey;
    expect(() => new CmsSigner({ ...options, privateKey: { publicKey: createPublicKey(otherKey), sign: (data) => sign('sha256', data, otherKey) } })).toThrow(/does not match/);
    expect(() => new CmsSigner({ ...options, privateKey: { publicKey: createPublicKey(pki.seal.privateKey), sign: (data) => sign('sha256', data, otherKey) } })).toThrow(/does not sign/);
  });

  it('refuses a private key that does not belong to the signer certificate', () => {
    expect(() => new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [], privateKey: pki.issuing.privateKey })).toThrow(/does not match/);
  });
});
