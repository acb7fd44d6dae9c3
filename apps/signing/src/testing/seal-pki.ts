import { generateRsaKeyPair, issueCertificate } from '@edu/crypto';
import type { KeyObject } from 'node:crypto';

export interface SealPki {
  rootPem: string;
  issuingPem: string;
  sealPem: string;
  sealKey: KeyObject;
  /** A second seal certificate from the same CA over another key: the wrong certificate for `sealKey`. */
  otherSealPem: string;
  /** A renewal: another certificate (new serial) over the same `sealKey`. */
  renewedSealPem: string;
}

/** root → issuing CA → school seal, as identity issues them. Key generation dominates: build once per spec file. */
export function buildSealPki(): SealPki {
  const rootKeys = generateRsaKeyPair();
  const rootPem = issueCertificate({
    profile: 'root-ca',
    subject: { commonName: 'Bo GD&DT Root CA' },
    publicKey: rootKeys.publicKey,
    issuer: { selfSigned: true, privateKey: rootKeys.privateKey },
  });
  const issuingKeys = generateRsaKeyPair();
  const issuingPem = issueCertificate({
    profile: 'issuing-ca',
    subject: { commonName: 'So GD&DT Hai Phong Issuing CA' },
    publicKey: issuingKeys.publicKey,
    issuer: { certPem: rootPem, privateKey: rootKeys.privateKey },
  });
  const issuing = { certPem: issuingPem, privateKey: issuingKeys.privateKey };
  const sealKeys = generateRsaKeyPair();
  const sealPem = issueCertificate({ profile: 'seal', subject: { commonName: 'Truong THPT Tran Phu' }, publicKey: sealKeys.publicKey, issuer: issuing });
  const otherPem = issueCertificate({ profile: 'seal', subject: { commonName: 'Truong THPT Khac' }, publicKey: generateRsaKeyPair().publicKey, issuer: issuing });
  const renewedPem = issueCertificate({ profile: 'seal', subject: { commonName: 'Truong THPT Tran Phu' }, publicKey: sealKeys.publicKey, issuer: issuing });
  return { rootPem, issuingPem, sealPem, sealKey: sealKeys.privateKey, otherSealPem: otherPem, renewedSealPem: renewedPem };
}
