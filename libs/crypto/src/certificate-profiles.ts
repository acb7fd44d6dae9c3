import { Oid } from './oids.js';

export type CertificateProfile = 'root-ca' | 'issuing-ca' | 'seal' | 'person' | 'tsa' | 'ocsp';

export type KeyUsageName = 'digitalSignature' | 'nonRepudiation' | 'keyCertSign' | 'cRLSign';

export interface ProfileRules {
  validity: { years: number } | { days: number };
  isCa: boolean;
  /** Only issuing CAs are capped: they sign end-entity certificates, never further CAs. */
  pathLength?: number;
  /** Always critical. */
  keyUsage: KeyUsageName[];
  extendedKeyUsage?: { purposes: string[]; critical: boolean };
  /** id-pkix-ocsp-nocheck: relying parties do not ask OCSP about the responder's own certificate (RFC 6960 §4.2.2.2.1). */
  ocspNoCheck?: true;
}

export const certificateProfiles: Record<CertificateProfile, ProfileRules> = {
  'root-ca': { validity: { years: 20 }, isCa: true, keyUsage: ['keyCertSign', 'cRLSign'] },
  'issuing-ca': { validity: { years: 10 }, isCa: true, pathLength: 0, keyUsage: ['keyCertSign', 'cRLSign'] },
  // A school seal and a person sign records; nonRepudiation (contentCommitment) marks them as legally binding.
  seal: { validity: { years: 3 }, isCa: false, keyUsage: ['digitalSignature', 'nonRepudiation'] },
  person: { validity: { years: 3 }, isCa: false, keyUsage: ['digitalSignature', 'nonRepudiation'] },
  // RFC 3161 §2.3: the time-stamping purpose alone, and critical.
  tsa: {
    validity: { years: 5 },
    isCa: false,
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: { purposes: [Oid.kpTimeStamping], critical: true },
  },
  // Short-lived because nocheck means it cannot be revoked in practice; the responder renews it well before expiry.
  ocsp: {
    validity: { days: 90 },
    isCa: false,
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: { purposes: [Oid.kpOcspSigning], critical: false },
    ocspNoCheck: true,
  },
};

/** Bit positions of KeyUsage (RFC 5280 §4.2.1.3). */
export const keyUsageBits: Record<KeyUsageName, number> = { digitalSignature: 0, nonRepudiation: 1, keyCertSign: 5, cRLSign: 6 };
