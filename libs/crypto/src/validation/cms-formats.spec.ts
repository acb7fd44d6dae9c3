import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCrl } from '../build-crl.js';
import { CmsSigner } from '../cms-signer.js';
import { issueCertificate } from '../issue-certificate.js';
import { generateKeyPair } from '../key-algorithms.js';
import { openssl } from '../testing/openssl.js';
import { pkcs8 } from '../testing/openssl-cms.js';
import { buildTestPki, type TestIdentity, type TestPki } from '../testing/test-pki.js';
import { validateSignatures } from './validate-signatures.js';
import type { RevocationSource, SignatureValidationInput } from './validation-report.js';

const content = Buffer.from('{"soDiem":[{"hocSinh":"Trần Thị B","diem":8.5}]}');

/** Signatures made by `openssl cms -sign` in the ways other tools make them: these must validate as well as ours. */
describe('validateSignatures on CMS from other tools', () => {
  let pki: TestPki;
  let ecSigner: TestIdentity;
  let revocation: RevocationSource;

  beforeAll(() => {
    pki = buildTestPki();
    const keys = generateKeyPair('EC-P256');
    ecSigner = { privateKey: keys.privateKey, certPem: issueCertificate({ profile: 'person', subject: { commonName: 'Hiệu trưởng' }, publicKey: keys.publicKey, issuer: pki.issuing }) };
    // Up-to-date CRLs with nothing revoked: every signer and the issuing CA are known not to be revoked.
    const crl = buildCrl({ issuer: pki.issuing, crlNumber: 1n, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 86_400_000), entries: [] });
    const rootCrl = buildCrl({ issuer: pki.root, crlNumber: 1n, thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 86_400_000), entries: [] });
    const rootDer = new X509Certificate(pki.root.certPem).raw;
    revocation = { fetch: async (_cert, issuer) => ({ crl: issuer.equals(rootDer) ? rootCrl : crl }) };
  });

  const sign = (options: string[], signers: TestIdentity[] = [pki.seal], data = content) => {
    const files: Record<string, string | Buffer> = { 'data.bin': data, 'chain.pem': pki.issuing.certPem };
    const signerArgs = signers.flatMap((signer, i) => {
      files[`s${i}.pem`] = signer.certPem;
      files[`k${i}.pem`] = pkcs8(signer.privateKey);
      return ['-signer', `s${i}.pem`, '-inkey', `k${i}.pem`];
    });
    const run = openssl(['cms', '-sign', '-binary', '-in', 'data.bin', '-out', 'sig', '-outform', 'DER', '-certfile', 'chain.pem', ...signerArgs, ...options], files, 'sig');
    expect(run.stderr).toBe('');
    return run.output!;
  };
  const validate = (signature: Buffer, extra: Partial<SignatureValidationInput> = {}) =>
    validateSignatures({ content, signatures: [signature], trustAnchors: [new X509Certificate(pki.root.certPem).raw], revocation, ...extra });

  it.each([
    ['RSA PKCS #1 v1.5, SHA-256, CAdES', ['-md', 'sha256', '-cades']],
    ['RSA PKCS #1 v1.5, SHA-512', ['-md', 'sha512', '-cades']],
    ['RSA-PSS, SHA-256', ['-md', 'sha256', '-cades', '-keyopt', 'rsa_padding_mode:pss']],
    ['RSA-PSS, SHA-384, salt 32', ['-md', 'sha384', '-keyopt', 'rsa_padding_mode:pss', '-keyopt', 'rsa_pss_saltlen:32']],
    ['signer identified by subject key identifier', ['-md', 'sha256', '-cades', '-keyid']],
    ['PEM output', ['-md', 'sha256', '-cades', '-outform', 'PEM']],
  ])('passes %s', async (_name, options) => {
    const report = await validate(sign(options));
    expect(report.signatures[0]).toMatchObject({ indication: 'PASSED', signer: { serialNumber: 'MST:0200123456' } });
  });

  it.each([['sha256'], ['sha384'], ['sha512']])('passes ECDSA P-256 with %s', async (md) => {
    const report = await validate(sign(['-md', md, '-cades'], [ecSigner]));
    expect(report.signatures[0]).toMatchObject({ indication: 'PASSED', level: 'B-B' });
  });

  it('passes a signature without signing-certificate attribute, reported as below B-B', async () => {
    const report = await validate(sign(['-md', 'sha256']));
    expect(report.signatures[0]).toMatchObject({ indication: 'PASSED', level: 'none' });
    expect(report.signatures[0].checks[1].detail.en).toMatch(/no signing-certificate attribute binds it/);
  });

  it('verifies a signature without signed attributes over the content itself', async () => {
    const signature = sign(['-md', 'sha256', '-noattr']);
    expect((await validate(signature)).signatures[0]).toMatchObject({ indication: 'PASSED', level: 'none' });
    expect(((await validate(signature)).signatures[0]).signingTime).toBeUndefined();
    const changed = await validate(signature, { content: Buffer.from('other') });
    expect(changed.signatures[0]).toMatchObject({ indication: 'FAILED', subIndication: 'SIG_CRYPTO_FAILURE' });
  });

  it('compares an embedded content with the given one, and uses it when none is given', async () => {
    for (const embedded of [sign(['-md', 'sha256', '-cades', '-nodetach']), sign(['-md', 'sha256', '-cades', '-nodetach', '-stream'])]) {
      expect((await validate(embedded)).signatures[0].checks[2].detail.en).toBe('The signature verifies over the content embedded in the signature');
      expect((await validate(embedded, { content: undefined })).indication).toBe('PASSED');
      expect((await validate(embedded, { content: Buffer.from('khác') })).signatures[0]).toMatchObject({ indication: 'FAILED', subIndication: 'HASH_FAILURE' });
    }
    const detached = await validate(sign(['-md', 'sha256', '-cades']), { content: undefined });
    expect(detached.signatures[0]).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIGNED_DATA_NOT_FOUND' });
  });

  it('reports every SignerInfo of one CMS, each against its own expectation', async () => {
    const expected = { signerSubjectSerial: 'MST:0200123456' };
    const report = await validate(sign(['-md', 'sha256', '-cades'], [pki.seal, ecSigner]), { expected: [expected, expected] });
    // DER sorts a SET OF, so the SignerInfos need not come in the order they were added.
    const verdicts = report.signatures.map((s) => [s.source.signerInfo, s.signer?.subject.split(',')[0], s.indication, s.subIndication]);
    expect(verdicts).toHaveLength(2);
    expect(verdicts).toEqual(
      expect.arrayContaining([
        [expect.any(Number), 'serialNumber=MST:0200123456', 'PASSED', undefined],
        [expect.any(Number), 'CN=Hiệu trưởng', 'INDETERMINATE', 'SIG_CONSTRAINTS_FAILURE'],
      ]),
    );
    expect(report.signatures.map((s) => s.source.signerInfo).sort()).toEqual([0, 1]);
    expect(report.indication).toBe('INDETERMINATE');
  });

  it('does not accept SHA-1 (CRYPTO_CONSTRAINTS_FAILURE)', async () => {
    const report = await validate(sign(['-md', 'sha1']));
    expect(report.signatures[0]).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'CRYPTO_CONSTRAINTS_FAILURE' });
  });

  it('passes the platform’s own CAdES B-B', async () => {
    const cms = new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem], privateKey: pki.seal.privateKey }).sign(content);
    expect(await validate(cms)).toMatchObject({ indication: 'PASSED', signatures: [{ level: 'B-B' }] });
  });

  it('does not pass a certificate swapped in under the same issuer and serial: the ESS hash tells them apart', async () => {
    const cms = new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem], privateKey: pki.seal.privateKey }).sign(content);
    const real = new X509Certificate(pki.seal.certPem);
    // Same subject, issuer, serial and key as the real seal, another certificate; spliced as bytes, so same DER length.
    const makeTwin = () =>
      new X509Certificate(
        issueCertificate({
          profile: 'seal',
          subject: { commonName: 'Trường THPT Trần Phú – Hải Phòng', organization: 'Sở Giáo dục và Đào tạo Hải Phòng', locality: 'Hải Phòng', serialNumber: 'MST:0200123456' },
          publicKey: real.publicKey,
          issuer: pki.issuing,
          serialHex: real.serialNumber,
          notBefore: new Date(Date.now() - 60_000),
        }),
      );
    let twin = makeTwin();
    for (let i = 0; i < 50 && twin.raw.length !== real.raw.length; i++) twin = makeTwin();
    expect(twin.raw.length).toBe(real.raw.length);
    const at = cms.indexOf(real.raw);
    expect(at).toBeGreaterThan(0);
    const swapped = Buffer.concat([cms.subarray(0, at), twin.raw, cms.subarray(at + real.raw.length)]);
    const [report] = (await validate(swapped)).signatures;
    expect(report).toMatchObject({ indication: 'INDETERMINATE', subIndication: 'SIG_CONSTRAINTS_FAILURE' });
    expect(report.checks.find((c) => c.name === 'signing-certificate')).toMatchObject({ status: 'indeterminate', subIndication: 'SIG_CONSTRAINTS_FAILURE' });
  });
});
