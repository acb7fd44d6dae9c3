import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCrl } from '../build-crl.js';
import { CmsSigner } from '../cms-signer.js';
import { issueCertificate } from '../issue-certificate.js';
import { generateKeyPair } from '../key-algorithms.js';
import { readOcspRequest } from '../ocsp-request.js';
import { OcspResponseSigner, type OcspCertStatus } from '../ocsp-response.js';
import { parseCertificate } from '../parse-certificate.js';
import { ocspRevocationValue, opensslSign as opensslSignCms, opensslToken, signatureValue, TSA_POLICY, upgraded } from '../testing/openssl-cms.js';
import { buildTestPki, type TestIdentity, type TestPki } from '../testing/test-pki.js';
import { buildOcspRequest } from './revocation-lookup.js';
import { validateSignatures } from './validate-signatures.js';
import type { RevocationData, RevocationSource, SignatureReport } from './validation-report.js';

const content = Buffer.from('{"hocSinh":"Nguyễn Văn A","namHoc":"2025-2026","ketQua":"Tốt"}');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const der = (pem: string) => new X509Certificate(pem).raw;
const opensslSign = (signer: TestIdentity, chain: string[], data = content) => opensslSignCms(signer, chain, data);

describe('validateSignatures', () => {
  let pki: TestPki;
  let teacher: TestIdentity;
  let revokedTeacher: TestIdentity;
  let expiredTeacher: TestIdentity;
  let tsa: TestIdentity;
  let stranger: TestIdentity;
  let strangerTsa: TestIdentity;
  let strangerChain: string;
  let responder: OcspResponseSigner;
  let anchors: Buffer[];
  let chain: string;
  /** The root's CRL: the issuing CA is not revoked. */
  let rootCrl: Buffer;

  const issue = (issuer: TestIdentity, profile: 'person' | 'tsa' | 'ocsp', commonName: string, times: { notBefore?: Date; notAfter?: Date } = {}): TestIdentity => {
    const keys = generateKeyPair('EC-P256');
    return { privateKey: keys.privateKey, certPem: issueCertificate({ profile, subject: { commonName, serialNumber: 'CCCD:031099001234' }, publicKey: keys.publicKey, issuer, ...times }) };
  };

  beforeAll(() => {
    pki = buildTestPki();
    const otherPki = buildTestPki('Một CA không được tin cậy');
    teacher = issue(pki.issuing, 'person', 'Giáo viên chủ nhiệm');
    revokedTeacher = issue(pki.issuing, 'person', 'Giáo viên đã nghỉ', { notBefore: new Date(Date.now() - 10 * DAY) });
    expiredTeacher = issue(pki.issuing, 'person', 'Giáo viên hết hạn', { notBefore: new Date(Date.now() - 10 * DAY), notAfter: new Date(Date.now() - DAY) });
    tsa = issue(pki.issuing, 'tsa', 'Đơn vị cấp dấu thời gian');
    stranger = issue(otherPki.issuing, 'person', 'Người lạ');
    strangerTsa = issue(otherPki.issuing, 'tsa', 'TSA lạ');
    strangerChain = otherPki.issuing.certPem;
    const ocsp = issue(pki.issuing, 'ocsp', 'OCSP responder');
    responder = new OcspResponseSigner(ocsp.certPem, ocsp.privateKey);
    anchors = [der(pki.root.certPem)];
    chain = pki.issuing.certPem;
    rootCrl = buildCrl({ issuer: pki.root, crlNumber: 1n, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + DAY), entries: [] });
  });

  const ocspFor = (identity: TestIdentity, certStatus: OcspCertStatus, at = new Date()) => {
    const [question] = readOcspRequest(buildOcspRequest(der(identity.certPem), der(pki.issuing.certPem))).questions;
    return responder.sign([{ certIdDer: question.certIdDer, certStatus, thisUpdate: at, nextUpdate: new Date(at.getTime() + DAY) }], { producedAt: at });
  };
  /**
   * Answers `answer` about the signers' certificates (counted in `asked`), `caAnswer` about the issuing CA and
   * `tsaAnswer` (good unless told) about the time-stamping unit.
   */
  const source = (answer: RevocationData | null | Error, caAnswer: RevocationData = { crl: rootCrl }, tsaAnswer?: RevocationData | null) => {
    const asked: Buffer[] = [];
    const revocation: RevocationSource = {
      fetch: async (cert, issuer) => {
        if (issuer.equals(anchors[0])) return caAnswer;
        if (cert.equals(der(tsa.certPem))) return tsaAnswer === undefined ? { ocspResponse: ocspFor(tsa, { status: 'good' }) } : tsaAnswer;
        asked.push(cert);
        if (answer instanceof Error) throw answer;
        return answer;
      },
    };
    return { revocation, asked };
  };
  const validateOne = async (cms: Buffer, extra: Partial<Parameters<typeof validateSignatures>[0]> = {}): Promise<SignatureReport> => {
    const report = await validateSignatures({ content, signatures: [cms], trustAnchors: anchors, ...extra });
    expect(report.signatures).toHaveLength(1);
    return report.signatures[0];
  };
  const check = (report: SignatureReport, name: string) => report.checks.find((c) => c.name === name)!;
  const timeStamped = (cms: Buffer, authority = tsa, authorityChain = chain) => upgraded(cms, { token: opensslToken(authority, authorityChain, signatureValue(cms)) });

  it('passes an OpenSSL CAdES B-B signature, asking the revocation source once', async () => {
    const { revocation, asked } = source({ ocspResponse: ocspFor(teacher, { status: 'good' }) });
    const report = await validateSignatures({ content, signatures: [opensslSign(teacher, [chain]), opensslSign(teacher, [chain])], trustAnchors: anchors, revocation });
    expect(report).toMatchObject({ indication: 'PASSED', message: { en: 'All 2 signature(s) are valid' } });
    expect(report.signatures[0]).toMatchObject({
      index: 0,
      indication: 'PASSED',
      level: 'B-B',
      signer: { serialNumber: 'CCCD:031099001234', certificateSha256: parseCertificate(teacher.certPem).fingerprintSha256 },
    });
    expect(report.signatures[0].checks.map((c) => c.status)).toEqual(['passed', 'passed', 'passed', 'skipped', 'passed', 'passed', 'passed', 'skipped']);
    expect(asked).toHaveLength(1);
  });

  it('passes a B-LT signature offline: time-stamp token and OCSP response carried in the CMS', async () => {
    const bt = timeStamped(opensslSign(teacher, [chain]));
    const blt = upgraded(bt, { revocationValues: [ocspRevocationValue(ocspFor(teacher, { status: 'good' })), ocspRevocationValue(ocspFor(tsa, { status: 'good' })), rootCrl] });
    const report = await validateOne(blt);
    expect(report).toMatchObject({ indication: 'PASSED', level: 'B-LT', timeStamp: { valid: true, policy: TSA_POLICY, serialNumber: '01' } });
    expect(report.timeStamp!.tsaSubject).toContain('Đơn vị cấp dấu thời gian');
    expect(report.bestSignatureTime).toEqual(report.timeStamp!.genTime);
    expect(check(report, 'revocation').detail.en).toMatch(/^The signer certificate was not revoked at .*OCSP.*; The CA certificate CN=.* was not revoked at .*CRL/);
    expect(check(report, 'timestamp').detail.en).toMatch(/; The TSA certificate was not revoked at .*OCSP.*; The CA certificate CN=.* was not revoked at .*CRL/);
  });

  it('fails on changed content (HASH_FAILURE) and on a changed signature value (SIG_CRYPTO_FAILURE)', async () => {
    const cms = opensslSign(teacher, [chain]);
    const changedContent = await validateOne(cms, { content: Buffer.from(content.toString().replace('Tốt', 'Khá')) });
    expect(changedContent).toMatchObject({ indication: 'FAILED', subIndication: 'HASH_FAILURE', signer: { serialNumber: 'CCCD:031099001234' } });
    expect(check(changedContent, 'integrity').status).toBe('failed');

    const value = signatureValue(cms);
    const tampered = Buffer.from(cms);
    tampered[cms.indexOf(value) + 20] ^= 0x01;
    expect(await validateOne(tampered)).toMatchObject({ indication: 'FAILED', subIndication: 'SIG_CRYPTO_FAILURE' });
  });

  it('cannot confirm a signer from an untrusted CA, and asks no revocation source about it', async () => {
    const { revocation, asked } = source(null);
    const report = await validateOne(opensslSign(stranger, [strangerChain]), { revocation });
    expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
    expect(check(report, 'revocation').status).toBe('skipped');
    expect(asked).toHaveLength(0);
  });

  it('checks the expected signer by subject serial number and certificate hash', async () => {
    const cms = opensslSign(teacher, [chain]);
    const { revocation } = source({ ocspResponse: ocspFor(teacher, { status: 'good' }) });
    const wrong = await validateOne(cms, { revocation, expected: [{ signerSubjectSerial: 'CCCD:031099009999' }] });
    expect(wrong).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' });
    expect(check(wrong, 'signer').detail.en).toMatch(/not by the expected signer/);
    const hash = parseCertificate(teacher.certPem).fingerprintSha256.toUpperCase();
    const right = await validateOne(cms, { revocation, expected: [{ signerSubjectSerial: 'CCCD:031099001234', certificateSha256: hash }] });
    expect(right.indication).toBe('PASSED');
    expect(check(right, 'signer').status).toBe('passed');
  });

  it('fails a signature time-stamped after its certificate was revoked (REVOKED)', async () => {
    const cms = timeStamped(opensslSign(revokedTeacher, [chain]));
    const { revocation } = source({ ocspResponse: ocspFor(revokedTeacher, { status: 'revoked', revokedAt: new Date(Date.now() - HOUR), reason: 'affiliationChanged' }) });
    const report = await validateOne(cms, { revocation });
    expect(report).toMatchObject({ indication: 'FAILED', subIndication: 'REVOKED', timeStamp: { valid: true } });
    expect(report.message.en).toMatch(/revoked at .*affiliationChanged, before the time-stamped signature time/);
  });

  it('passes a signature time-stamped before its certificate was revoked', async () => {
    const cms = timeStamped(opensslSign(revokedTeacher, [chain]));
    const later = new Date(Date.now() + DAY);
    const { revocation } = source({ ocspResponse: ocspFor(revokedTeacher, { status: 'revoked', revokedAt: new Date(later.getTime() - 12 * HOUR) }, later) });
    const report = await validateOne(cms, { revocation, validationTime: new Date(Date.now() + 2 * DAY) });
    expect(report).toMatchObject({ indication: 'PASSED', level: 'B-T' });
    expect(check(report, 'revocation').detail.en).toMatch(/^The signer certificate was revoked at .*; the time-stamp proves the signature existed before/);
  });

  it('does not pass a revoked certificate when no time-stamp proves the signing time (REVOKED_NO_POE)', async () => {
    const { revocation } = source({ ocspResponse: ocspFor(revokedTeacher, { status: 'revoked', revokedAt: new Date(Date.now() - HOUR) }) });
    const report = await validateOne(opensslSign(revokedTeacher, [chain]), { revocation });
    expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE' });
  });

  it('checks the CAs of the path too: a revoked issuing CA leaves the signature unprovable (REVOKED_CA_NO_POE)', async () => {
    const caRevoked = buildCrl({
      issuer: pki.root,
      crlNumber: 2n,
      thisUpdate: new Date(),
      nextUpdate: new Date(Date.now() + DAY),
      entries: [{ serialHex: parseCertificate(pki.issuing.certPem).serialHex, revokedAt: new Date(Date.now() - HOUR), reason: 'cACompromise' }],
    });
    const { revocation } = source({ ocspResponse: ocspFor(teacher, { status: 'good' }) }, { crl: caRevoked });
    const report = await validateOne(opensslSign(teacher, [chain]), { revocation });
    expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_CA_NO_POE' });
    expect(report.message.en).toMatch(/^The CA certificate CN=.* was revoked at .*cACompromise/);
    const unknown = await validateOne(opensslSign(teacher, [chain]), { revocation: source({ ocspResponse: ocspFor(teacher, { status: 'good' }) }, {}).revocation });
    expect(unknown).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    expect(check(unknown, 'revocation').detail.en).toMatch(/for the CA certificate CN=/);
  });

  it('reads revocation from a CRL carried in SignedData.crls', async () => {
    const crl = buildCrl({
      issuer: pki.issuing,
      crlNumber: 7n,
      thisUpdate: new Date(),
      nextUpdate: new Date(Date.now() + DAY),
      entries: [{ serialHex: parseCertificate(revokedTeacher.certPem).serialHex, revokedAt: new Date(Date.now() - HOUR), reason: 'keyCompromise' }],
    });
    const revoked = await validateOne(upgraded(timeStamped(opensslSign(revokedTeacher, [chain])), { revocationValues: [crl, rootCrl] }));
    expect(revoked).toMatchObject({ indication: 'FAILED', subIndication: 'REVOKED', level: 'B-LT' });
    const good = await validateOne(upgraded(opensslSign(teacher, [chain]), { revocationValues: [crl, rootCrl] }));
    expect(good).toMatchObject({ indication: 'PASSED', level: 'B-B' });
    expect(check(good, 'revocation').detail.en).toMatch(/CRL/);
  });

  it('fails a certificate expired before the time-stamp (EXPIRED), and cannot confirm it without one', async () => {
    const cms = opensslSign(expiredTeacher, [chain]);
    expect(await validateOne(timeStamped(cms), source(null))).toMatchObject({ indication: 'FAILED', subIndication: 'EXPIRED' });
    expect(await validateOne(cms)).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'OUT_OF_BOUNDS_NO_POE' });
  });

  it('asks to try later when no current revocation information is found', async () => {
    const cms = opensslSign(teacher, [chain]);
    expect(await validateOne(cms)).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    expect(await validateOne(cms, source(new Error('network down')))).toMatchObject({ subIndication: 'TRY_LATER' });
    const stale = buildCrl({ issuer: pki.issuing, crlNumber: 1n, thisUpdate: new Date(Date.now() - 3 * DAY), nextUpdate: new Date(Date.now() - 2 * DAY), entries: [] });
    const report = await validateOne(cms, source({ crl: stale }));
    expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER' });
    expect(report.message.en).toMatch(/CRL: issued before the time to prove/);
  });

  describe('signature time-stamps', () => {
    it('fails a token issued for other data (HASH_FAILURE) and does not use its time', async () => {
      const cms = opensslSign(teacher, [chain]);
      const report = await validateOne(upgraded(cms, { token: opensslToken(tsa, chain, Buffer.from('something else')) }));
      expect(report).toMatchObject({ indication: 'FAILED', subIndication: 'HASH_FAILURE', timeStamp: { valid: false } });
      expect(check(report, 'timestamp')).toMatchObject({ status: 'failed', detail: { en: expect.stringMatching(/not issued for this signature value/) } });
      expect(check(report, 'integrity').status).toBe('passed');
      expect(report.bestSignatureTime).not.toEqual(report.timeStamp!.genTime);
    });

    it('cannot confirm a token from an untrusted TSA', async () => {
      const report = await validateOne(timeStamped(opensslSign(teacher, [chain]), strangerTsa, strangerChain));
      expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'NO_CERTIFICATE_CHAIN_FOUND' });
      expect(check(report, 'timestamp').detail.en).toMatch(/TSA certificate does not chain/);
      expect(check(report, 'chain').status).toBe('passed');
    });

    it('fails a token whose signature was altered (SIG_CRYPTO_FAILURE)', async () => {
      const cms = opensslSign(teacher, [chain]);
      const token = opensslToken(tsa, chain, signatureValue(cms));
      const tokenSignature = signatureValue(token);
      token[token.indexOf(tokenSignature) + 10] ^= 0x01;
      const report = await validateOne(upgraded(cms, { token }));
      expect(report).toMatchObject({ indication: 'FAILED', subIndication: 'SIG_CRYPTO_FAILURE' });
      expect(check(report, 'timestamp').status).toBe('failed');
    });

    it('uses no token whose TSA certificate was revoked before the time it states (REVOKED_NO_POE), nor one of unknown status', async () => {
      const cms = timeStamped(opensslSign(teacher, [chain]));
      const good = { ocspResponse: ocspFor(teacher, { status: 'good' }) };
      const revokedTsa = { ocspResponse: ocspFor(tsa, { status: 'revoked', revokedAt: new Date(Date.now() - HOUR), reason: 'keyCompromise' }) };
      const report = await validateOne(cms, source(good, undefined, revokedTsa));
      expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'REVOKED_NO_POE', timeStamp: { valid: false } });
      expect(check(report, 'timestamp').detail.en).toMatch(/^The signature time-stamp is not valid: the TSA certificate was revoked at .*keyCompromise, before the time the token states/);
      expect(report.bestSignatureTime).not.toEqual(report.timeStamp!.genTime);
      const unknown = await validateOne(cms, source(good, undefined, null));
      expect(unknown).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TRY_LATER', timeStamp: { valid: false } });
      expect(check(unknown, 'timestamp').detail.en).toMatch(/^The signature time-stamp is not valid: no current revocation information for the TSA certificate/);
    });

    it('uses a token whose TSA certificate was revoked only after the time it states', async () => {
      const cms = timeStamped(opensslSign(teacher, [chain]));
      const later = new Date(Date.now() + DAY);
      const revokedLater = { ocspResponse: ocspFor(tsa, { status: 'revoked', revokedAt: new Date(later.getTime() - 12 * HOUR) }, later) };
      const report = await validateOne(cms, { ...source({ ocspResponse: ocspFor(teacher, { status: 'good' }) }, undefined, revokedLater), validationTime: new Date(Date.now() + 2 * DAY) });
      expect(report).toMatchObject({ indication: 'PASSED', timeStamp: { valid: true } });
      expect(report.bestSignatureTime).toEqual(report.timeStamp!.genTime);
      expect(check(report, 'timestamp').detail.en).toMatch(/The TSA certificate was revoked at .*; the time-stamp was issued before/);
    });

    it('flags a claimed signing time later than the time-stamp (TIMESTAMP_ORDER_FAILURE)', async () => {
      const signer = new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [chain], privateKey: pki.seal.privateKey });
      const report = await validateOne(timeStamped(signer.sign(content, new Date(Date.now() + HOUR))), source({ ocspResponse: ocspFor(pki.seal, { status: 'good' }) }));
      expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'TIMESTAMP_ORDER_FAILURE' });
    });
  });

  it('never throws on bit flips anywhere in a B-LT signature, token and OCSP response included', async () => {
    const blt = upgraded(timeStamped(opensslSign(teacher, [chain])), { revocationValues: [ocspRevocationValue(ocspFor(teacher, { status: 'good' }))] });
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const caughtBy = new Set<string>();
    for (let round = 0; round < 12; round++) {
      const batch = Array.from({ length: 20 }, () => {
        const mutated = Buffer.from(blt);
        mutated[Math.floor(next() * mutated.length)] ^= 1 << Math.floor(next() * 8);
        return mutated;
      });
      const report = await validateSignatures({ content, signatures: batch, trustAnchors: anchors });
      expect(report.signatures).toHaveLength(batch.length);
      for (const s of report.signatures) caughtBy.add(s.checks.find((c) => c.status === 'failed' || c.status === 'indeterminate')?.name ?? 'none');
    }
    expect([...caughtBy]).toEqual(expect.arrayContaining(['format', 'integrity', 'timestamp', 'revocation']));
  });

  it('reports each signature and takes the worst for the whole', async () => {
    const { revocation } = source({ ocspResponse: ocspFor(teacher, { status: 'good' }) });
    const report = await validateSignatures({
      content,
      signatures: [opensslSign(teacher, [chain]), opensslSign(teacher, [chain], Buffer.from('other')), opensslSign(stranger, [])],
      trustAnchors: anchors,
      revocation,
    });
    expect(report.signatures.map((s) => [s.index, s.indication])).toEqual([[0, 'PASSED'], [1, 'FAILED'], [2, 'INDETERMINATE']]);
    expect(report).toMatchObject({ indication: 'FAILED', subIndication: 'HASH_FAILURE', message: { en: expect.stringMatching(/^Signature 2 is not valid/) } });
  });
});
