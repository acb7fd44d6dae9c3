import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from './issue-certificate.js';
import { generateKeyPair } from './key-algorithms.js';
import { certIdIssuerMatcher, MalformedOcspRequest, readOcspRequest } from './ocsp-request.js';
import { ocspErrorResponse, OcspResponseSigner, type OcspCertStatus } from './ocsp-response.js';
import { parseCertificate } from './parse-certificate.js';
import { openssl } from './testing/openssl.js';
import { buildTestPki, type TestPki } from './testing/test-pki.js';

describe('OCSP request and response', () => {
  let pki: TestPki;
  let leafPem: string;
  let signer: OcspResponseSigner;
  let files: Record<string, string>;

  beforeAll(() => {
    pki = buildTestPki();
    leafPem = issueCertificate({ profile: 'person', subject: { commonName: 'Giáo viên' }, publicKey: generateKeyPair('EC-P256').publicKey, issuer: pki.issuing });
    const responderKeys = generateKeyPair('EC-P256');
    const responderPem = issueCertificate({ profile: 'ocsp', subject: { commonName: 'OCSP responder' }, publicKey: responderKeys.publicKey, issuer: pki.issuing });
    signer = new OcspResponseSigner(responderPem, responderKeys.privateKey);
    files = { 'issuing.pem': pki.issuing.certPem, 'leaf.pem': leafPem, 'chain.pem': pki.issuing.certPem + pki.root.certPem };
  });

  const requestFromOpenssl = (...extra: string[]) =>
    openssl(['ocsp', '-issuer', 'issuing.pem', ...extra, '-cert', 'leaf.pem', '-reqout', 'req.der'], files, 'req.der').output!;

  const answer = (requestDer: Buffer, certStatus: OcspCertStatus) => {
    const request = readOcspRequest(requestDer);
    const now = new Date();
    return signer.sign(
      request.questions.map((q) => ({ certIdDer: q.certIdDer, certStatus, thisUpdate: now, nextUpdate: new Date(now.getTime() + 3_600_000) })),
      { producedAt: now, nonce: request.nonce },
    );
  };

  const opensslCheck = (requestDer: Buffer, responseDer: Buffer) =>
    // With -reqin (and no -cert, which would make a fresh request) OpenSSL checks the nonce against the request.
    openssl(['ocsp', '-reqin', 'req.der', '-respin', 'resp.der', '-CAfile', 'chain.pem', '-resp_text'], {
      ...files,
      'req.der': requestDer,
      'resp.der': responseDer,
    });

  it('reads the serial, the issuer hashes and the nonce of an OpenSSL request', () => {
    const request = readOcspRequest(requestFromOpenssl());
    expect(request.questions).toHaveLength(1);
    expect(request.questions[0].serialHex).toBe(parseCertificate(leafPem).serialHex);
    expect(certIdIssuerMatcher(pki.issuing.certPem)(request.questions[0])).toBe(true);
    expect(certIdIssuerMatcher(pki.root.certPem)(request.questions[0])).toBe(false);
    expect(request.nonce?.length).toBeGreaterThan(2);
    expect(readOcspRequest(requestFromOpenssl('-no_nonce')).nonce).toBeUndefined();
    expect(certIdIssuerMatcher(pki.issuing.certPem)(readOcspRequest(requestFromOpenssl('-sha256')).questions[0])).toBe(true);
  });

  it('answers good with the nonce echoed, and OpenSSL verifies the delegated responder', () => {
    const request = requestFromOpenssl();
    const run = opensslCheck(request, answer(request, { status: 'good' }));
    expect(run.stderr).toContain('Response verify OK');
    expect(run.stdout).toMatch(/Cert Status: good/);
    expect(run.stdout).toMatch(/OCSP Nonce: \n\s+0410/);
  });

  it('answers revoked with time and reason, without a nonce when none was asked', () => {
    const request = requestFromOpenssl('-no_nonce');
    const response = answer(request, { status: 'revoked', revokedAt: new Date('2026-03-01T08:00:00Z'), reason: 'affiliationChanged' });
    const run = opensslCheck(request, response);
    expect(run.stderr).toContain('Response verify OK');
    expect(run.stdout).toMatch(/Cert Status: revoked/);
    expect(run.stdout).toMatch(/Revocation Reason: affiliationChanged/);
    expect(run.stdout).toMatch(/Revocation Time: Mar {2}1 08:00:00 2026 GMT/);
    expect(run.stdout).not.toContain('OCSP Nonce');
  });

  it('answers unknown, and parses back with pkijs', () => {
    const request = requestFromOpenssl('-no_nonce');
    const response = pkijs.OCSPResponse.fromBER(answer(request, { status: 'unknown' }));
    expect(response.responseStatus.valueBlock.valueDec).toBe(0);
    const basic = pkijs.BasicOCSPResponse.fromBER(response.responseBytes!.response.valueBlock.valueHexView);
    expect(basic.tbsResponseData.responses[0].certStatus.idBlock.tagNumber).toBe(2);
    expect(basic.certs).toHaveLength(1);
    expect(opensslCheck(request, answer(request, { status: 'unknown' })).stdout).toMatch(/Cert Status: unknown/);
  });

  it('refuses malformed requests, and encodes an unsigned error status', () => {
    const truncated = requestFromOpenssl().subarray(0, 40);
    for (const bad of [Buffer.alloc(0), Buffer.from('hello'), Buffer.from([0x30, 0x03, 0x30, 0x01, 0x00]), Buffer.from([0x30, 0x02, 0x30, 0x00]), truncated]) {
      expect(() => readOcspRequest(bad)).toThrow(MalformedOcspRequest);
    }
    const text = openssl(['ocsp', '-respin', 'r.der', '-resp_text', '-noverify'], { 'r.der': ocspErrorResponse('malformedRequest') });
    expect(text.stdout + text.stderr).toMatch(/malformedrequest/i);
  });
});
