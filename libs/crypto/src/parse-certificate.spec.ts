import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from './issue-certificate.js';
import { parseCertificate } from './parse-certificate.js';
import { generateRsaKeyPair } from './rsa-keys.js';
import { buildTestPki, type TestPki } from './testing/test-pki.js';

describe('parseCertificate', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = buildTestPki();
  });

  it('prints names on one line, most specific first, with separators inside values escaped once', () => {
    const keys = generateRsaKeyPair();
    const pem = issueCertificate({
      profile: 'person',
      subject: { commonName: 'Phạm Minh, Đức', organization: 'Sở GD&ĐT, Hải Phòng' },
      publicKey: keys.publicKey,
      issuer: pki.issuing,
    });
    expect(parseCertificate(pem).subject).toBe('CN=Phạm Minh\\, Đức, O=Sở GD&ĐT\\, Hải Phòng, C=VN');
  });

  it('reports a self-signed root as its own issuer', () => {
    const root = parseCertificate(pki.root.certPem);
    expect(root.issuer).toBe(root.subject);
    expect(root.serialHex).toMatch(/^[0-9a-f]{32}$/);
    expect(root.fingerprintSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
