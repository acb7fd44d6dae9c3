import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCrl } from '../build-crl.js';
import { issueCertificate } from '../issue-certificate.js';
import { generateKeyPair } from '../key-algorithms.js';
import { certIdIssuerMatcher, readOcspRequest } from '../ocsp-request.js';
import { ocspErrorResponse, OcspResponseSigner } from '../ocsp-response.js';
import { parseCertificate } from '../parse-certificate.js';
import { openssl } from '../testing/openssl.js';
import { buildTestPki, type TestPki } from '../testing/test-pki.js';
import { buildOcspRequest, revocationDataExpiry, revocationPointers } from './revocation-lookup.js';

describe('revocation lookup helpers', () => {
  let pki: TestPki;
  let leafPem: string;
  let responder: OcspResponseSigner;
  const der = (pem: string) => new X509Certificate(pem).raw;

  beforeAll(() => {
    pki = buildTestPki();
    const pointers = { ocspUrl: 'http://127.0.0.1:8081/pki/ocsp', crlUrl: 'http://127.0.0.1:8081/pki/crl/issuing.crl', caIssuersUrl: 'http://127.0.0.1:8081/pki/ca/issuing.cer' };
    leafPem = issueCertificate({ profile: 'person', subject: { commonName: 'Giáo viên' }, publicKey: generateKeyPair('EC-P256').publicKey, issuer: pki.issuing, pointers });
    const keys = generateKeyPair('EC-P256');
    responder = new OcspResponseSigner(issueCertificate({ profile: 'ocsp', subject: { commonName: 'OCSP' }, publicKey: keys.publicKey, issuer: pki.issuing }), keys.privateKey);
  });

  it('reads the OCSP and CRL addresses a certificate publishes, and nothing from junk', () => {
    expect(revocationPointers(der(leafPem))).toEqual({ ocspUrls: ['http://127.0.0.1:8081/pki/ocsp'], crlUrls: ['http://127.0.0.1:8081/pki/crl/issuing.crl'] });
    expect(revocationPointers(der(pki.seal.certPem))).toEqual({ ocspUrls: [], crlUrls: [] });
    expect(revocationPointers(Buffer.from('junk'))).toEqual({ ocspUrls: [], crlUrls: [] });
  });

  it('builds an OCSP request that our responder and OpenSSL both read', () => {
    const request = buildOcspRequest(der(leafPem), der(pki.issuing.certPem));
    const [question] = readOcspRequest(request).questions;
    expect(question.serialHex).toBe(parseCertificate(leafPem).serialHex);
    expect(certIdIssuerMatcher(pki.issuing.certPem)(question)).toBe(true);
    const text = openssl(['ocsp', '-reqin', 'req.der', '-req_text'], { 'req.der': request }).stdout;
    expect(text).toMatch(/Hash Algorithm: sha1/);
    expect(text.replace(/\s/g, '').toLowerCase()).toContain(`serialnumber:${parseCertificate(leafPem).serialHex}`);
  });

  it('tells until when OCSP answers and CRLs may be reused', () => {
    const [question] = readOcspRequest(buildOcspRequest(der(leafPem), der(pki.issuing.certPem))).questions;
    const now = new Date('2026-05-20T08:00:00Z');
    const nextUpdate = new Date('2026-05-20T20:00:00Z');
    const answer = (next?: Date) => responder.sign([{ certIdDer: question.certIdDer, certStatus: { status: 'good' }, thisUpdate: now, ...(next ? { nextUpdate: next } : {}) }], { producedAt: now });
    expect(revocationDataExpiry({ ocspResponse: answer(nextUpdate) })).toEqual(nextUpdate);
    expect(revocationDataExpiry({ ocspResponse: answer() })).toBeUndefined();
    expect(revocationDataExpiry({ ocspResponse: ocspErrorResponse('tryLater') })).toBeUndefined();
    expect(revocationDataExpiry({ crl: buildCrl({ issuer: pki.issuing, crlNumber: 3n, thisUpdate: now, nextUpdate, entries: [] }) })).toEqual(nextUpdate);
    expect(revocationDataExpiry({ crl: Buffer.from('junk') })).toBeUndefined();
  });
});
