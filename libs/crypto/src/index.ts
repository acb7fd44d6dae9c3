export { canonicalJson } from './canonical-json.js';
export { sha256, sha256Hex } from './hash.js';
export { decodeBase64 } from './base64.js';
export { generateRsaKeyPair, exportPublicKeyPem, privateKeyFromPem, publicKeyFromPem, type RsaKeyPair } from './rsa-keys.js';
export { generateKeyPair, generateKeyPairInBackground, keyAlgorithmOf, keyIdentifier, type GeneratedKeyAlgorithm } from './key-algorithms.js';
export { certificateProfiles, type CertificateProfile } from './certificate-profiles.js';
export type { CertificatePointers } from './certificate-extensions.js';
export type { CertificateSubject } from './distinguished-name.js';
export { issueCertificate, type CertificateRequest, type CertificateIssuer } from './issue-certificate.js';
export { readCertificationRequest, createCertificationRequest, CertificationRequestError, type CertificationRequestInfo } from './certification-request.js';
export { crlReasonCodes, isCrlReason, type CrlReason } from './crl-reasons.js';
export { buildCrl, type CrlRequest, type RevokedEntry } from './build-crl.js';
export { readOcspRequest, certIdIssuerMatcher, MalformedOcspRequest, type OcspQuestion, type OcspRequestInfo } from './ocsp-request.js';
export { OcspResponseSigner, ocspErrorResponse, type OcspAnswer, type OcspCertStatus, type OcspErrorStatus } from './ocsp-response.js';
export { parseCertificate, type CertificateSummary } from './parse-certificate.js';
export { validateCertificatePath, type PathResult } from './certificate-path.js';
export { CmsSigner, signDetachedCms, type CmsSignerOptions, type DetachedCmsRequest } from './cms-signer.js';
export { sealPrivateKey, openPrivateKey, parseKek } from './key-sealing.js';
export { ConcurrencyLimit, memoryHardWork } from './memory-hard-work.js';
export { hashPassword, verifyPassword, UNMATCHABLE_PASSWORD_HASH } from './password-hash.js';
export { type PreparedSignature, type SignatureExtras } from './cms-signer.js';
export { ecdsaSignatureDer, type RawSigner } from './raw-signer.js';
export { cadesSign, type CadesOptions } from './cades/cades-sign.js';
export { type TimeStampHash } from './timestamp/hash-algorithms.js';
export { readTimeStampRequest, timeStampQuery, MalformedTimeStampRequest, type TimeStampQuestion, type TimeStampRequestFailure } from './timestamp/time-stamp-request.js';
export { readTimeStampResponse, timeStampFailureBits, type TimeStampFailure, type TimeStampResponseInfo } from './timestamp/time-stamp-response.js';
export { TimeStampAuthority, type TimeStampAuthorityOptions, type TimeStampOrder } from './timestamp/time-stamp-authority.js';
export { readTimeStampToken, TimeStampTokenError, type TimeStampTokenInfo } from './timestamp/time-stamp-token.js';
export { verifyTimeStampToken, type TimeStampTokenCheck } from './timestamp/verify-time-stamp-token.js';
export {
  TimeStampClient,
  LocalTimeStampClient,
  HttpTimeStampClient,
  TimeStampClientError,
  type HttpTimeStampClientOptions,
  type TimeStampClientProblem,
} from './timestamp/time-stamp-client.js';
export { validateSignatures, overall as overallVerdict, MAX_SIGNATURES } from './validation/validate-signatures.js';
export { revocationPointers, buildOcspRequest, revocationDataExpiry, type RevocationPointers } from './validation/revocation-lookup.js';
export { ocspFinding, type RevocationFinding } from './validation/revocation-findings.js';
export type {
  Indication, SubIndication, LocalizedText, CheckName, CheckStatus, ValidationCheck, SignatureLevel, SignerSummary, TimeStampSummary,
  SignatureReport, ValidationReport, RevocationData, RevocationSource, ExpectedSigner, SignatureValidationInput,
} from './validation/validation-report.js';
export { mergeSignedData } from './cades/merge-signed-data.js';
