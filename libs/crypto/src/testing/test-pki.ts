import type { KeyObject } from 'node:crypto';
import { issueCertificate } from '../issue-certificate.js';
import { generateRsaKeyPair } from '../rsa-keys.js';

export interface TestIdentity {
  certPem: string;
  privateKey: KeyObject;
}

export interface TestPki {
  root: TestIdentity;
  issuing: TestIdentity;
  seal: TestIdentity;
}

export const SCHOOL_NAME = 'Trường THPT Trần Phú – Hải Phòng';

/** root → issuing CA → school seal, as the platform deploys it. Key generation dominates, so specs build it once. */
export function buildTestPki(rootName = 'Bộ Giáo dục và Đào tạo – Root CA'): TestPki {
  const rootKeys = generateRsaKeyPair();
  const root = {
    privateKey: rootKeys.privateKey,
    certPem: issueCertificate({
      profile: 'root-ca',
      subject: { commonName: rootName, organization: 'Bộ Giáo dục và Đào tạo' },
      publicKey: rootKeys.publicKey,
      issuer: { selfSigned: true, privateKey: rootKeys.privateKey },
    }),
  };
  const issuingKeys = generateRsaKeyPair();
  const issuing = {
    privateKey: issuingKeys.privateKey,
    certPem: issueCertificate({
      profile: 'issuing-ca',
      subject: { commonName: 'Sở GD&ĐT Hải Phòng – Issuing CA', organization: 'Sở Giáo dục và Đào tạo Hải Phòng' },
      publicKey: issuingKeys.publicKey,
      issuer: root,
    }),
  };
  const sealKeys = generateRsaKeyPair();
  const seal = {
    privateKey: sealKeys.privateKey,
    certPem: issueCertificate({
      profile: 'seal',
      subject: { commonName: SCHOOL_NAME, organization: 'Sở Giáo dục và Đào tạo Hải Phòng', locality: 'Hải Phòng', serialNumber: 'MST:0200123456' },
      publicKey: sealKeys.publicKey,
      issuer: issuing,
    }),
  };
  return { root, issuing, seal };
}
