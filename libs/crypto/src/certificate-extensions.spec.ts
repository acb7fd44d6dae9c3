import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from './issue-certificate.js';
import { generateKeyPair, keyAlgorithmOf } from './key-algorithms.js';
import { openssl } from './testing/openssl.js';
import { buildTestPki, type TestPki } from './testing/test-pki.js';

const text = (pem: string) => openssl(['x509', '-in', 'c.pem', '-noout', '-text'], { 'c.pem': pem }).stdout;
const pointers = {
  crlUrl: 'http://pki.test/pki/crl/issuing.crl',
  ocspUrl: 'http://pki.test/pki/ocsp',
  caIssuersUrl: 'http://pki.test/pki/ca/issuing.cer',
};

describe('certificate profiles', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = buildTestPki();
  });

  const issue = (profile: 'person' | 'tsa' | 'ocsp', algorithm: 'EC-P256' | 'RSA-2048' = 'EC-P256') => {
    const keys = generateKeyPair(algorithm);
    const pem = issueCertificate({
      profile,
      subject: { commonName: 'Nguyễn Thị Hoa', serialNumber: '3100000017', organization: 'Trường THPT Trần Phú' },
      publicKey: keys.publicKey,
      issuer: pki.issuing,
      pointers,
    });
    return { pem, keys };
  };

  it('certifies an EC P-256 person key that OpenSSL chains to the root', () => {
    const { pem, keys } = issue('person');
    expect(keyAlgorithmOf(new X509Certificate(pem).publicKey)).toBe('EC-P256');
    expect(keyAlgorithmOf(keys.publicKey)).toBe('EC-P256');
    const run = openssl(['verify', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', 'leaf.pem'], {
      'root.pem': pki.root.certPem,
      'issuing.pem': pki.issuing.certPem,
      'leaf.pem': pem,
    });
    expect(run.stdout).toContain('leaf.pem: OK');
    const dump = text(pem);
    expect(dump).toMatch(/Key Usage: critical\s+Digital Signature, Non Repudiation\n/);
    expect(dump).toMatch(/Subject: C = VN, O = .*, CN = .*, serialNumber = 3100000017/);
    expect(dump).not.toContain('Extended Key Usage');
  });

  it('points every end-entity certificate at the CRL, the OCSP responder and the issuer certificate', () => {
    const dump = text(issue('person', 'RSA-2048').pem);
    expect(dump).toMatch(/CRL Distribution Points: \n\s+Full Name:\n\s+URI:http:\/\/pki.test\/pki\/crl\/issuing.crl/);
    expect(dump).toMatch(/Authority Information Access: \n\s+OCSP - URI:http:\/\/pki.test\/pki\/ocsp\n\s+CA Issuers - URI:http:\/\/pki.test\/pki\/ca\/issuing.cer/);
  });

  it('makes a time-stamping unit certificate with the critical timeStamping purpose and digitalSignature only', () => {
    const dump = text(issue('tsa').pem);
    expect(dump).toMatch(/Key Usage: critical\s+Digital Signature\n/);
    expect(dump).toMatch(/Extended Key Usage: critical\s+Time Stamping\n/);
    const purpose = openssl(['x509', '-in', 'c.pem', '-noout', '-purpose'], { 'c.pem': issue('tsa').pem }).stdout;
    expect(purpose).toContain('Time Stamp signing : Yes');
  });

  it('makes an OCSP responder certificate with OCSPSigning and ocsp-nocheck', () => {
    const dump = text(issue('ocsp').pem);
    expect(dump).toMatch(/Extended Key Usage: \n\s+OCSP Signing\n/);
    expect(dump).toContain('OCSP No Check');
    expect(dump).toMatch(/Key Usage: critical\s+Digital Signature\n/);
  });

  it('keeps the CA profiles: pathlen 0 on the issuing CA, certificate and CRL signing', () => {
    const dump = text(pki.issuing.certPem);
    expect(dump).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(dump).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign/);
  });

  it('refuses subject keys that are neither RSA nor EC', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const ed = generateKeyPairSync('ed25519');
    expect(() => issueCertificate({ profile: 'person', subject: { commonName: 'X' }, publicKey: ed.publicKey, issuer: pki.issuing })).toThrow(/RSA and EC/);
  });
});
