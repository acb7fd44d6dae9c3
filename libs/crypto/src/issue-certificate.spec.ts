import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from './issue-certificate.js';
import { parseCertificate } from './parse-certificate.js';
import { generateRsaKeyPair } from './rsa-keys.js';
import { openssl } from './testing/openssl.js';
import { buildTestPki, SCHOOL_NAME, type TestPki } from './testing/test-pki.js';

const text = (pem: string) => openssl(['x509', '-in', 'c.pem', '-noout', '-text', '-nameopt', 'utf8'], { 'c.pem': pem }).stdout;

describe('issueCertificate', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = buildTestPki();
  });

  it('builds a root → issuing → seal chain that OpenSSL verifies', () => {
    const run = openssl(['verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', 'seal.pem'], {
      'root.pem': pki.root.certPem,
      'issuing.pem': pki.issuing.certPem,
      'seal.pem': pki.seal.certPem,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('seal.pem: OK');
  });

  it('keeps Vietnamese names intact as UTF8String', () => {
    const seal = parseCertificate(pki.seal.certPem);
    expect(seal.subject).toContain(`CN=${SCHOOL_NAME}`);
    expect(seal.subject).toContain('C=VN');
    expect(seal.issuer).toBe('CN=Sở GD&ĐT Hải Phòng – Issuing CA, O=Sở Giáo dục và Đào tạo Hải Phòng, C=VN');
    const dump = openssl(['asn1parse', '-in', 'c.pem'], { 'c.pem': pki.seal.certPem }).stdout;
    expect(dump).toMatch(/UTF8STRING\s+:Trường THPT Trần Phú – Hải Phòng/);
    expect(dump).toMatch(/PRINTABLESTRING\s+:VN/);
  });

  it('applies the CA profiles', () => {
    const root = text(pki.root.certPem);
    expect(root).toMatch(/Basic Constraints: critical\s+CA:TRUE\n/);
    expect(root).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text(pki.issuing.certPem)).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    const { notBefore, notAfter } = parseCertificate(pki.root.certPem);
    expect(notAfter.getUTCFullYear() - notBefore.getUTCFullYear()).toBe(20);
  });

  it('applies the seal profile and links key identifiers to the issuer', () => {
    const seal = text(pki.seal.certPem);
    expect(seal).toMatch(/Basic Constraints: \n\s+CA:FALSE/);
    expect(seal).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation/);
    const issuerSki = text(pki.issuing.certPem).match(/Subject Key Identifier: \n\s+([0-9A-F:]+)/)![1];
    expect(seal).toMatch(new RegExp(`Authority Key Identifier: \\n\\s+(keyid:)?${issuerSki}`));
    expect(new X509Certificate(pki.seal.certPem).ca).toBe(false);
    const { notBefore, notAfter } = parseCertificate(pki.seal.certPem);
    expect(notAfter.getUTCFullYear() - notBefore.getUTCFullYear()).toBe(3);
  });

  it('uses the given serial and dates, and reports them back', () => {
    const keys = generateRsaKeyPair();
    const pem = issueCertificate({
      profile: 'person',
      subject: { commonName: 'Nguyễn Thị Hoa', organizationalUnit: 'Tổ Toán' },
      publicKey: keys.publicKey,
      issuer: pki.issuing,
      serialHex: '8001',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2027-01-01T00:00:00Z'),
    });
    const parsed = parseCertificate(pem);
    expect(parsed.serialHex).toBe('8001');
    expect(openssl(['x509', '-in', 'c.pem', '-noout', '-serial'], { 'c.pem': pem }).stdout.trim()).toBe('serial=8001');
    expect(parsed.notBefore.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(parsed.notAfter.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(parsed.subject).toBe('CN=Nguyễn Thị Hoa, OU=Tổ Toán, C=VN');
    expect(parsed.fingerprintSha256).toBe(new X509Certificate(pem).fingerprint256.replaceAll(':', '').toLowerCase());
  });

  it('refuses an issuer key that does not match the issuer certificate, and a non-CA issuer', () => {
    const keys = generateRsaKeyPair();
    const request = { profile: 'person' as const, subject: { commonName: 'X' }, publicKey: keys.publicKey };
    expect(() => issueCertificate({ ...request, issuer: { certPem: pki.issuing.certPem, privateKey: keys.privateKey } })).toThrow(/does not match/);
    expect(() => issueCertificate({ ...request, issuer: pki.seal })).toThrow(/not a CA/);
    expect(() => issueCertificate({ ...request, issuer: { selfSigned: true, privateKey: keys.privateKey } })).toThrow(/self-signed/);
  });
});
