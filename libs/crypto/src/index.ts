export { canonicalJson } from './canonical-json.js';
export { sha256, sha256Hex } from './hash.js';
export { generateRsaKeyPair, exportPublicKeyPem, privateKeyFromPem, publicKeyFromPem, type RsaKeyPair } from './rsa-keys.js';
export { certificateProfiles, type CertificateProfile } from './certificate-profiles.js';
export { issueCertificate, type CertificateRequest, type CertificateSubject, type CertificateIssuer } from './issue-certificate.js';
export { parseCertificate, type CertificateSummary } from './parse-certificate.js';
export { CmsSigner, signDetachedCms, type CmsSignerOptions, type DetachedCmsRequest } from './cms-signer.js';
export { verifyDetachedCms, type DetachedCmsVerification, type CmsVerificationResult } from './verify-detached-cms.js';
export { sealPrivateKey, openPrivateKey, parseKek } from './key-sealing.js';
