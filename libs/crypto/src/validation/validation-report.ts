/** Validation results in the terms of ETSI EN 319 102-1 §5.1.3 (main indications and sub-indications). */
export type Indication = 'PASSED' | 'FAILED' | 'INDETERMINATE';

export type SubIndication =
  // FAILED
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  // INDETERMINATE
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'SIGNED_DATA_NOT_FOUND'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'TRY_LATER'
  | 'NO_POE'
  | 'TIMESTAMP_ORDER_FAILURE';

export interface LocalizedText {
  vi: string;
  en: string;
}

/** `role` is added by a service that knows the document's workflow: the signer signed the step their role owns. */
export type CheckName = 'format' | 'signing-certificate' | 'integrity' | 'timestamp' | 'chain' | 'validity' | 'revocation' | 'signer' | 'role';
export type CheckStatus = 'passed' | 'failed' | 'indeterminate' | 'skipped';

export interface ValidationCheck {
  name: CheckName;
  status: CheckStatus;
  /** Set when the check failed or was indeterminate. */
  subIndication?: SubIndication;
  detail: LocalizedText;
}

/** What the CMS carries, as CAdES baseline levels (ETSI EN 319 122-1 §6); `none` when not even B-B. */
export type SignatureLevel = 'B-B' | 'B-T' | 'B-LT' | 'none';

export interface SignerSummary {
  /** RFC 4514 form, most specific first. */
  subject: string;
  issuer: string;
  /** The subject's serialNumber attribute (2.5.4.5), e.g. `MST:0200123456`, when present. */
  serialNumber?: string;
  certificateSha256: string;
  notBefore: Date;
  notAfter: Date;
}

export interface TimeStampSummary {
  genTime: Date;
  policy: string;
  /** The token's serial number, lower-case hex. */
  serialNumber: string;
  tsaSubject?: string;
  valid: boolean;
}

export interface SignatureReport {
  /** Position among all signer infos, in input order (0-based); `expected[index]` applies to it. */
  index: number;
  /** Which input blob and which SignerInfo inside it. */
  source: { signature: number; signerInfo: number };
  indication: Indication;
  subIndication?: SubIndication;
  message: LocalizedText;
  level: SignatureLevel;
  signer?: SignerSummary;
  /** The signing-time attribute: the signer's claim, not a proof. */
  signingTime?: Date;
  timeStamp?: TimeStampSummary;
  /** The time proved by a valid signature time-stamp, else the validation time. */
  bestSignatureTime: Date;
  /** Set by a service that knows the document: the workflow step this signature fulfils. */
  workflowStep?: { documentId: string; step: number; role: string };
  checks: ValidationCheck[];
}

export interface ValidationReport {
  indication: Indication;
  subIndication?: SubIndication;
  message: LocalizedText;
  validationTime: Date;
  signatures: SignatureReport[];
}

export interface RevocationData {
  /** A DER OCSPResponse (RFC 6960). */
  ocspResponse?: Buffer;
  /** A DER CRL (RFC 5280). */
  crl?: Buffer;
}

/**
 * Where revocation data comes from when the CMS carries none that answers (typically OCSP or the CRL over HTTP).
 * Only asked about certificates that chain to a trust anchor, so its URLs come from certificates a trusted CA signed.
 * May return null or throw: both mean "nothing known".
 */
export interface RevocationSource {
  fetch(certificate: Buffer, issuer: Buffer): Promise<RevocationData | null>;
}

export interface ExpectedSigner {
  /** The subject serialNumber attribute the signer certificate must carry. */
  signerSubjectSerial?: string;
  /** Hex SHA-256 of the DER signer certificate (case-insensitive). */
  certificateSha256?: string;
}

export interface SignatureValidationInput {
  /** The signed content; when omitted, only signatures embedding their content can be checked. */
  content?: Buffer;
  /** CMS SignedData, DER or PEM, detached or embedding the content. */
  signatures: Buffer[];
  /** DER (or PEM) certificates trusted as path ends. */
  trustAnchors: Buffer[];
  /** The current time of the validation; defaults to now. */
  validationTime?: Date;
  revocation?: RevocationSource;
  /** Per signature (by report index), optional constraints on who signed. */
  expected?: Array<ExpectedSigner | undefined>;
}
