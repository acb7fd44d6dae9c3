import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CmsSigner } from '../cms-signer.js';
import { issueCertificate } from '../issue-certificate.js';
import { generateRsaKeyPair } from '../rsa-keys.js';
import { openssl } from '../testing/openssl.js';
import { buildTestPki, type TestPki } from '../testing/test-pki.js';
import { mergeSignedData } from './merge-signed-data.js';

const content = Buffer.from('{"hocSinh":"Lê Thu Trang","lop":"11A2"}', 'utf8');

describe('mergeSignedData: one SignedData for every signature of a workflow', () => {
  let pki: TestPki;
  let seal: CmsSigner;
  let teacher: CmsSigner;

  beforeAll(() => {
    pki = buildTestPki();
    const keys = generateRsaKeyPair();
    const certPem = issueCertificate({
      profile: 'person',
      subject: { commonName: 'Lê Văn Hùng', serialNumber: '3109500001' },
      publicKey: keys.publicKey,
      issuer: pki.issuing,
    });
    teacher = new CmsSigner({ signerCertPem: certPem, chainPems: [pki.issuing.certPem, pki.root.certPem], privateKey: keys.privateKey });
    seal = new CmsSigner({ signerCertPem: pki.seal.certPem, chainPems: [pki.issuing.certPem, pki.root.certPem], privateKey: pki.seal.privateKey });
  });

  const verify = (cms: Buffer, data = content) =>
    openssl(['cms', '-verify', '-binary', '-inform', 'DER', '-in', 'sig.der', '-content', 'data.bin', '-CAfile', 'root.pem', '-purpose', 'any', '-out', '/dev/null'], {
      'sig.der': cms, 'data.bin': data, 'root.pem': pki.root.certPem,
    });

  it('keeps every SignerInfo byte for byte, each certificate once, and OpenSSL verifies all of them', () => {
    const signatures = [teacher.sign(content), seal.sign(content)];
    const merged = mergeSignedData(signatures);
    const signedData = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(merged).content });
    expect(signedData.signerInfos).toHaveLength(2);
    // root, issuing, the teacher's and the seal's certificate
    expect(signedData.certificates).toHaveLength(4);
    for (const [i, cms] of signatures.entries()) {
      const single = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content });
      expect(Buffer.from(signedData.signerInfos[i].toSchema().toBER())).toEqual(Buffer.from(single.signerInfos[0].toSchema().toBER()));
    }
    expect(verify(merged).stderr).toContain('Verification successful');
    expect(verify(merged, Buffer.from('{"hocSinh":"Lê Thu Trang","lop":"11A3"}')).stderr).toContain('Verification failure');
  });

  it('refuses what is not CMS SignedData', () => {
    expect(() => mergeSignedData([])).toThrow(/no signature/);
    expect(() => mergeSignedData([Buffer.from('not der')])).toThrow();
    expect(() => mergeSignedData([Buffer.concat([seal.sign(content), Buffer.from([0])])])).toThrow(/one DER/);
  });
});
