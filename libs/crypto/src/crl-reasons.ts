/**
 * RFC 5280 §5.3.1 CRLReason codes by name. certificateHold (6) and removeFromCRL (8) are left out on purpose: this
 * PKI never suspends a certificate, so every revocation is final.
 */
export const crlReasonCodes = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type CrlReason = keyof typeof crlReasonCodes;

export function isCrlReason(value: unknown): value is CrlReason {
  return typeof value === 'string' && Object.hasOwn(crlReasonCodes, value);
}
