import { describe, expect, it } from 'vitest';
import { CertificationRequestError, createCertificationRequest, readCertificationRequest } from './certification-request.js';
import { generateKeyPair, keyAlgorithmOf } from './key-algorithms.js';
import { openssl } from './testing/openssl.js';

const subject = { commonName: 'Nguyễn Thị Hoa', serialNumber: '3100000017', organization: 'Trường THPT Trần Phú' };

describe('certification requests (PKCS #10)', () => {
  it('reads the subject and key of a request it made, and OpenSSL accepts that request', () => {
    const keys = generateKeyPair('EC-P256');
    const pem = createCertificationRequest(subject, keys.privateKey);
    const info = readCertificationRequest(pem);
    expect(info.subject).toEqual({ ...subject, country: 'VN' });
    expect(keyAlgorithmOf(info.publicKey)).toBe('EC-P256');
    expect(openssl(['req', '-in', 'r.pem', '-noout', '-verify'], { 'r.pem': pem }).stderr).toMatch(/verify OK|Certificate request self-signature verify OK/);
  });

  it('reads a request made by openssl req, RSA and EC', () => {
    for (const keyArgs of [['-newkey', 'rsa:2048'], ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']]) {
      const run = openssl(['req', '-new', ...keyArgs, '-nodes', '-keyout', 'k.pem', '-subj', '/CN=Tran Van Binh/serialNumber=3100000025/O=THPT Le Loi', '-out', 'r.pem'], {}, 'r.pem');
      const info = readCertificationRequest(run.output!.toString());
      expect(info.subject).toEqual({ commonName: 'Tran Van Binh', serialNumber: '3100000025', organization: 'THPT Le Loi' });
    }
  });

  it('refuses a request whose signature does not prove possession of the key', () => {
    const pem = createCertificationRequest(subject, generateKeyPair('RSA-2048').privateKey);
    const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 5] ^= 0xff; // inside the signature value
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----\n`;
    expect(() => readCertificationRequest(tampered)).toThrow(expect.objectContaining({ problem: 'signature' }));
  });

  it('refuses what is not a request', () => {
    for (const bad of ['', 'hello', '-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----']) {
      let caught: unknown;
      try {
        readCertificationRequest(bad);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(CertificationRequestError);
      expect((caught as CertificationRequestError).problem).toBe('malformed');
    }
  });
});
