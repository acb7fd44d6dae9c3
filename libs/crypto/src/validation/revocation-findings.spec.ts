import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCrl } from '../build-crl.js';
import { issueCertificate } from '../issue-certificate.js';
import { generateKeyPair } from '../key-algorithms.js';
import { readOcspRequest } from '../ocsp-request.js';
import { ocspErrorResponse, OcspResponseSigner, type OcspCertStatus } from '../ocsp-response.js';
import { parseCertificate } from '../parse-certificate.js';
import { buildTestPki, type TestIdentity, type TestPki } from '../testing/test-pki.js';
import { buildOcspRequest } from './revocation-lookup.js';
import { crlFinding, ocspFinding, type Subject } from './revocation-findings.js';

describe('revocation findings', () => {
  let pki: TestPki;
  let twinPki: TestPki;
  let leaf: X509Certificate;
  let other: X509Certificate;
  let subject: Subject;
  const now = new Date();

  const identity = (profile: 'person' | 'ocsp', issuer: TestIdentity): TestIdentity => {
    const keys = generateKeyPair('EC-P256');
    return { privateKey: keys.privateKey, certPem: issueCertificate({ profile, subject: { commonName: profile }, publicKey: keys.publicKey, issuer }) };
  };

  beforeAll(() => {
    pki = buildTestPki();
    twinPki = buildTestPki(); // the same names, other keys
    leaf = new X509Certificate(identity('person', pki.issuing).certPem);
    other = new X509Certificate(identity('person', pki.issuing).certPem);
    subject = { cert: leaf, issuer: new X509Certificate(pki.issuing.certPem), validationTime: now };
  });

  const answer = (signer: TestIdentity, certStatus: OcspCertStatus = { status: 'good' }, about = leaf) => {
    const [question] = readOcspRequest(buildOcspRequest(about.raw, new X509Certificate(pki.issuing.certPem).raw)).questions;
    return new OcspResponseSigner(signer.certPem, signer.privateKey).sign([{ certIdDer: question.certIdDer, certStatus, thisUpdate: now }], { producedAt: now });
  };

  it('accepts OCSP answers from the issuer itself and from its delegated responder', () => {
    expect(ocspFinding(answer(pki.issuing), subject)).toMatchObject({ status: 'good', source: 'OCSP' });
    const revokedAt = new Date('2026-03-01T08:00:00Z');
    expect(ocspFinding(answer(identity('ocsp', pki.issuing), { status: 'revoked', revokedAt, reason: 'keyCompromise' }), subject)).toEqual({
      status: 'revoked',
      source: 'OCSP',
      revokedAt,
      reason: 'keyCompromise',
    });
  });

  it('refuses responders without id-kp-OCSPSigning or from another CA, unknown statuses and error responses', () => {
    expect(ocspFinding(answer(identity('person', pki.issuing)), subject)).toMatchObject({ status: 'unusable', why: expect.stringMatching(/responder/) });
    expect(ocspFinding(answer(identity('ocsp', twinPki.issuing)), subject)).toMatchObject({ status: 'unusable' });
    expect(ocspFinding(answer(pki.issuing, { status: 'unknown' }), subject)).toMatchObject({ status: 'unusable', why: expect.stringMatching(/does not know/) });
    expect(ocspFinding(ocspErrorResponse('tryLater'), subject)).toMatchObject({ status: 'unusable', why: 'OCSP response status 3' });
    expect(ocspFinding(answer(pki.issuing, { status: 'good' }, other), subject)).toBeUndefined();
  });

  it('reads CRLs of the issuer only, signed with its key and not dated in the future', () => {
    const crl = (issuer: TestIdentity, thisUpdate = now) =>
      buildCrl({ issuer, crlNumber: 2n, thisUpdate, nextUpdate: new Date(thisUpdate.getTime() + 3_600_000), entries: [{ serialHex: parseCertificate(leaf.raw).serialHex, revokedAt: now, reason: 'superseded' }] });
    expect(crlFinding(crl(pki.issuing), subject)).toMatchObject({ status: 'revoked', source: 'CRL', reason: 'superseded' });
    expect(crlFinding(crl(pki.issuing), { ...subject, cert: other })).toMatchObject({ status: 'good', source: 'CRL' });
    expect(crlFinding(crl(twinPki.issuing), subject)).toMatchObject({ status: 'unusable', why: expect.stringMatching(/signature/) });
    expect(crlFinding(crl(pki.issuing, new Date(now.getTime() + 86_400_000)), subject)).toMatchObject({ status: 'unusable', why: expect.stringMatching(/future/) });
    expect(crlFinding(crl(pki.root), subject)).toBeUndefined();
  });
});
