import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCrl } from '../build-crl.js';
import { CmsSigner } from '../cms-signer.js';
import { issueCertificate } from '../issue-certificate.js';
import { generateKeyPair } from '../key-algorithms.js';
import { readOcspRequest } from '../ocsp-request.js';
import { ocspErrorResponse, OcspResponseSigner } from '../ocsp-response.js';
import { Oid } from '../oids.js';
import { openssl } from '../testing/openssl.js';
import { buildTestPki, type TestPki } from '../testing/test-pki.js';
import { TimeStampAuthority } from '../timestamp/time-stamp-authority.js';
import { LocalTimeStampClient } from '../timestamp/time-stamp-client.js';
import { readTimeStampToken } from '../timestamp/time-stamp-token.js';
import { checkStatus, validateDetached } from '../../../../test/support/cms.js';
import { cadesSign } from './cades-sign.js';

const content = Buffer.from(JSON.stringify({ hocSinh: 'Phạm Minh Châu', lop: '12A3', diemTongKet: 8.9, hanhKiem: 'Tốt' }), 'utf8');

interface Parts {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  token?: Buffer;
  certificateDers: Buffer[];
}

function parts(cms: Buffer): Parts {
  const contentInfo = pkijs.ContentInfo.fromBER(cms);
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  const signerInfo = signedData.signerInfos[0];
  const tokenAttribute = signerInfo.unsignedAttrs?.attributes.find((attribute) => attribute.type === Oid.signatureTimeStampToken);
  const certificateDers = (signedData.certificates ?? []).map((cert) => Buffer.from((cert as pkijs.Certificate).toSchema().toBER()));
  return { signedData, signerInfo, certificateDers, ...(tokenAttribute ? { token: Buffer.from(tokenAttribute.values[0].toBER()) } : {}) };
}

describe('cadesSign: CAdES B-T and B-LT', () => {
  let pki: TestPki;
  let signer: CmsSigner;
  let tsa: LocalTimeStampClient;
  let tsaPem: string;
  let crl: Buffer;
  let ocspResponse: Buffer;
  let files: Record<string, string | Buffer>;

  beforeAll(() => {
    pki = buildTestPki();
    signer = new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem, pki.root.certPem], privateKey: pki.seal.privateKey });
    const tsaKeys = generateKeyPair('EC-P256');
    tsaPem = issueCertificate({ profile: 'tsa', subject: { commonName: 'Sở GD&ĐT Hải Phòng – TSA' }, publicKey: tsaKeys.publicKey, issuer: pki.issuing });
    let serial = 1n;
    const authority = new TimeStampAuthority({ certificatePem: tsaPem, chainPems: [pki.issuing.certPem], privateKey: tsaKeys.privateKey, policyOid: '1.3.6.1.4.1.58312.1.3161' });
    tsa = new LocalTimeStampClient(authority, async () => serial++);

    const now = new Date();
    crl = buildCrl({ issuer: pki.issuing, crlNumber: 7n, thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000), entries: [] });
    const responderKeys = generateKeyPair('EC-P256');
    const responderPem = issueCertificate({ profile: 'ocsp', subject: { commonName: 'OCSP' }, publicKey: responderKeys.publicKey, issuer: pki.issuing });
    const request = openssl(['ocsp', '-issuer', 'issuing.pem', '-cert', 'seal.pem', '-no_nonce', '-reqout', 'req.der'], { 'issuing.pem': pki.issuing.certPem, 'seal.pem': pki.seal.certPem }, 'req.der').output!;
    const certIdDer = readOcspRequest(request).questions[0].certIdDer;
    ocspResponse = new OcspResponseSigner(responderPem, responderKeys.privateKey).sign([{ certIdDer, certStatus: { status: 'good' }, thisUpdate: now }], { producedAt: now });
    files = { 'data.bin': content, 'root.pem': pki.root.certPem, 'chain.pem': pki.root.certPem + pki.issuing.certPem };
  });

  const cmsVerify = (cms: Buffer, ...extra: string[]) =>
    openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'data.bin', '-CAfile', 'root.pem', '-purpose', 'any', ...extra, '-out', '/dev/null'], { ...files, 'sig.der': cms });

  it('B-T: OpenSSL verifies the CMS, and the token in id-aa-signatureTimeStampToken stamps the signature value', async () => {
    const cms = await cadesSign(signer, content, { signingTime: new Date(), tsa });
    expect(cmsVerify(cms).stderr).toContain('Verification successful');
    expect(cmsVerify(cms, '-crl_check').stderr).toContain('unable to get certificate CRL');

    const { signedData, signerInfo, token } = parts(cms);
    expect(signedData.version).toBe(1);
    expect(signerInfo.version).toBe(1);
    expect(signedData.crls).toBeUndefined();
    expect(signerInfo.unsignedAttrs?.attributes.map((attribute) => attribute.type)).toEqual([Oid.signatureTimeStampToken]);
    const signatureValue = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
    expect(readTimeStampToken(token!).digest).toEqual(createHash('sha256').update(signatureValue).digest());
    const run = openssl(['ts', '-verify', '-data', 'sig.bin', '-in', 'token.der', '-token_in', '-CAfile', 'chain.pem'], { ...files, 'sig.bin': signatureValue, 'token.der': token! });
    expect(run.stdout).toContain('Verification: OK');
    // A different signature value must not match the token.
    expect(openssl(['ts', '-verify', '-data', 'data.bin', '-in', 'token.der', '-token_in', '-CAfile', 'chain.pem'], { ...files, 'token.der': token! }).status).not.toBe(0);
  });

  it('B-LT: certificate values and a CRL and an OCSP response (RFC 5940) in SignedData, version 5, verified by OpenSSL with the embedded CRL', async () => {
    const tsaDer = new X509Certificate(tsaPem).raw;
    const issuingDer = new X509Certificate(pki.issuing.certPem).raw;
    const cms = await cadesSign(signer, content, { signingTime: null, tsa, certificates: [tsaDer, issuingDer, tsaDer], crls: [crl], ocspResponses: [ocspResponse] });
    expect(cmsVerify(cms).stderr).toContain('Verification successful');
    // -crl_check needs the issuing CA's CRL, which only the CMS carries.
    expect(cmsVerify(cms, '-crl_check').stderr).toContain('Verification successful');

    const { signedData, signerInfo, token, certificateDers } = parts(cms);
    expect(signedData.version).toBe(5);
    expect(signerInfo.version).toBe(1);
    expect(certificateDers).toEqual([new X509Certificate(pki.seal.certPem).raw, issuingDer, new X509Certificate(pki.root.certPem).raw, tsaDer]);
    const [crlItem, ocspItem] = signedData.crls!;
    expect(crlItem).toBeInstanceOf(pkijs.CertificateRevocationList);
    expect(Buffer.from((crlItem as pkijs.CertificateRevocationList).toSchema().toBER())).toEqual(crl);
    expect(ocspItem).toBeInstanceOf(pkijs.OtherRevocationInfoFormat);
    expect((ocspItem as pkijs.OtherRevocationInfoFormat).otherRevInfoFormat).toBe('1.3.6.1.5.5.7.16.2');
    expect(Buffer.from(((ocspItem as pkijs.OtherRevocationInfoFormat).otherRevInfo as asn1js.Sequence).toBER())).toEqual(ocspResponse);
    expect(signerInfo.signedAttrs!.attributes.map((attribute) => attribute.type)).not.toContain(Oid.signingTime);
    expect(token).toBeDefined();

    const report = await validateDetached(content, cms, [pki.root.certPem]);
    expect([checkStatus(report, 'integrity'), checkStatus(report, 'chain')]).toEqual(['passed', 'passed']);
  });

  it('keeps SignedData at version 1 when only CRLs travel, and refuses revocation values that are not what they claim', async () => {
    const cms = await cadesSign(signer, content, { signingTime: new Date(), tsa, crls: [crl] });
    expect(cmsVerify(cms, '-crl_check').stderr).toContain('Verification successful');
    expect(parts(cms).signedData.version).toBe(1);

    const prepared = signer.prepare(content, new Date());
    expect(() => signer.finish(prepared, { ocspResponses: [ocspErrorResponse('tryLater')] })).toThrow(/status successful/);
    expect(() => signer.finish(prepared, { crls: [Buffer.from('not a crl')] })).toThrow(/CertificateList/);
    expect(() => signer.finish(prepared, { timeStampToken: crl.subarray(0, 40) })).toThrow(/time-stamp token/);
    expect(() => signer.finish(prepared, { certificates: [Buffer.concat([crl, Buffer.from([0])])] })).toThrow(/certificate/);
  });
});
