import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCertificate } from '../issue-certificate.js';
import { generateKeyPair } from '../key-algorithms.js';
import { buildTestPki, type TestIdentity, type TestPki } from '../testing/test-pki.js';
import { KeyUsageBit } from './certificate-facts.js';
import { buildTrustPath, pathConstraintProblem, validityProblem } from './trust-path.js';

const signing = [KeyUsageBit.digitalSignature, KeyUsageBit.nonRepudiation];

describe('trust paths', () => {
  let pki: TestPki;
  let x509: (identity: TestIdentity | string) => X509Certificate;
  let leaf: X509Certificate;
  let root: X509Certificate;
  let issuing: X509Certificate;

  beforeAll(() => {
    pki = buildTestPki();
    x509 = (identity) => new X509Certificate(typeof identity === 'string' ? identity : identity.certPem);
    root = x509(pki.root);
    issuing = x509(pki.issuing);
    leaf = x509(pki.seal);
  });

  it('finds the path past certificates that carry the right name but not the right key', () => {
    const decoyIssuer = buildTestPki().root; // another root signs decoys named like our issuing CA
    const decoys = Array.from({ length: 30 }, () =>
      x509(issueCertificate({ profile: 'issuing-ca', subject: { commonName: 'Sở GD&ĐT Hải Phòng – Issuing CA', organization: 'Sở Giáo dục và Đào tạo Hải Phòng' }, publicKey: generateKeyPair('EC-P256').publicKey, issuer: decoyIssuer })),
    );
    expect(decoys[0].subject).toBe(issuing.subject);
    expect(buildTrustPath(leaf, decoys, [root])).toBeUndefined();
    expect(buildTrustPath(leaf, [...decoys, issuing], [root])?.map((c) => c.subject)).toEqual([leaf.subject, issuing.subject, root.subject]);
    expect(buildTrustPath(leaf, [], [issuing])).toHaveLength(2);
  });

  it('enforces CA flags, key usage and path length', () => {
    expect(pathConstraintProblem([leaf, issuing, root], signing)).toBeUndefined();
    // A CA certificate used to sign documents: its key usage allows certificates and CRLs only.
    expect(pathConstraintProblem([issuing, root], signing)?.en).toMatch(/key usage does not allow signing/);
    const subKeys = generateKeyPair('EC-P256');
    const sub = { privateKey: subKeys.privateKey, certPem: issueCertificate({ profile: 'issuing-ca', subject: { commonName: 'Phòng GD&ĐT' }, publicKey: subKeys.publicKey, issuer: pki.issuing }) };
    const deepLeaf = x509(issueCertificate({ profile: 'person', subject: { commonName: 'Giáo viên' }, publicKey: generateKeyPair('EC-P256').publicKey, issuer: sub }));
    const path = buildTrustPath(deepLeaf, [x509(sub), issuing], [root])!;
    expect(path).toHaveLength(4);
    expect(pathConstraintProblem(path, signing)?.en).toMatch(/exceeds the path length allowed by .*Issuing CA/);
    expect(pathConstraintProblem([leaf, x509(pki.seal), root], signing)?.en).toMatch(/is not a CA/);
  });

  it('names the first certificate outside its validity period', () => {
    expect(validityProblem([leaf, issuing, root], new Date())).toBeUndefined();
    expect(validityProblem([leaf, issuing, root], new Date('2000-01-01'))).toEqual({ cert: leaf, problem: 'not-yet-valid' });
    expect(validityProblem([leaf, issuing, root], new Date(Date.now() + 5 * 365 * 86_400_000))).toEqual({ cert: leaf, problem: 'expired' });
  });
});
