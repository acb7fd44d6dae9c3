import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCrl } from './build-crl.js';
import { issueCertificate } from './issue-certificate.js';
import { generateKeyPair } from './key-algorithms.js';
import { parseCertificate } from './parse-certificate.js';
import { openssl } from './testing/openssl.js';
import { buildTestPki, type TestPki } from './testing/test-pki.js';

describe('buildCrl', () => {
  let pki: TestPki;
  let revokedPem: string;
  let goodPem: string;
  let crl: Buffer;
  const thisUpdate = new Date();
  const nextUpdate = new Date(thisUpdate.getTime() + 86_400_000);

  beforeAll(() => {
    pki = buildTestPki();
    const leaf = () => issueCertificate({ profile: 'person', subject: { commonName: 'Giáo viên' }, publicKey: generateKeyPair('EC-P256').publicKey, issuer: pki.issuing });
    revokedPem = leaf();
    goodPem = leaf();
    crl = buildCrl({
      issuer: pki.issuing,
      crlNumber: 42n,
      thisUpdate,
      nextUpdate,
      entries: [
        { serialHex: parseCertificate(revokedPem).serialHex, revokedAt: new Date('2026-03-01T08:00:00Z'), reason: 'keyCompromise', invalidityDate: new Date('2026-02-27T00:00:00Z') },
        { serialHex: '8001', revokedAt: new Date('2026-03-02T08:00:00Z'), reason: 'unspecified' },
      ],
    });
  });

  it('parses back with pkijs: v2, CRL number, AKI, entries with reason codes', async () => {
    const parsed = pkijs.CertificateRevocationList.fromBER(crl);
    expect(parsed.version).toBe(1);
    expect(parsed.nextUpdate?.value.getTime()).toBe(Math.floor(nextUpdate.getTime() / 1000) * 1000);
    const ext = (oid: string) => parsed.crlExtensions!.extensions.find((e) => e.extnID === oid);
    expect((ext('2.5.29.20')!.parsedValue as asn1js.Integer).valueBlock.valueDec).toBe(42);
    expect(ext('2.5.29.35')).toBeDefined();
    expect(parsed.revokedCertificates).toHaveLength(2);
    const [first, second] = parsed.revokedCertificates!;
    expect((first.crlEntryExtensions!.extensions[0].parsedValue as asn1js.Enumerated).valueBlock.valueDec).toBe(1);
    expect(second.crlEntryExtensions).toBeUndefined();
    const issuer = pkijs.Certificate.fromBER(der(pki.issuing.certPem));
    pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: globalThis.crypto }));
    expect(await parsed.verify({ issuerCertificate: issuer })).toBe(true);
  });

  it('reads as a valid CRL in OpenSSL, and OpenSSL refuses the revoked certificate and accepts the other', () => {
    const text = openssl(['crl', '-inform', 'DER', '-in', 'c.crl', '-noout', '-text'], { 'c.crl': crl }).stdout;
    expect(text).toMatch(/Version 2/);
    expect(text).toMatch(/X509v3 CRL Number: \n\s+42/);
    expect(text).toMatch(/X509v3 CRL Reason Code: \n\s+Key Compromise/);
    expect(text).toMatch(/Invalidity Date: \n\s+Feb 27 00:00:00 2026 GMT/);
    const pem = openssl(['crl', '-inform', 'DER', '-in', 'c.crl', '-out', 'c.pem'], { 'c.crl': crl }, 'c.pem').output!;
    const files = { 'root.pem': pki.root.certPem, 'issuing.pem': pki.issuing.certPem, 'c.pem': pem, 'revoked.pem': revokedPem, 'good.pem': goodPem };
    const verify = (leaf: string) => openssl(['verify', '-crl_check', '-CRLfile', 'c.pem', '-CAfile', 'root.pem', '-untrusted', 'issuing.pem', leaf], files);
    expect(verify('good.pem').stdout).toContain('good.pem: OK');
    const refused = verify('revoked.pem');
    expect(refused.status).not.toBe(0);
    expect(refused.stdout + refused.stderr).toMatch(/certificate revoked/);
  });

  it('lists nothing when nothing is revoked, and stays a valid CRL', () => {
    const empty = buildCrl({ issuer: pki.issuing, crlNumber: 1n, thisUpdate, nextUpdate, entries: [] });
    const text = openssl(['crl', '-inform', 'DER', '-in', 'c.crl', '-noout', '-text'], { 'c.crl': empty }).stdout;
    expect(text).toContain('No Revoked Certificates');
  });
});

function der(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
}
