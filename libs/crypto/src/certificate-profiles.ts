export type CertificateProfile = 'root-ca' | 'issuing-ca' | 'seal' | 'person';

export interface ProfileRules {
  validityYears: number;
  isCa: boolean;
  /** Only issuing CAs are capped: they sign end-entity certificates, never further CAs. */
  pathLength?: number;
  keyUsage: { keyCertSign?: true; cRLSign?: true; digitalSignature?: true; nonRepudiation?: true };
}

export const certificateProfiles: Record<CertificateProfile, ProfileRules> = {
  'root-ca': { validityYears: 20, isCa: true, keyUsage: { keyCertSign: true, cRLSign: true } },
  'issuing-ca': { validityYears: 10, isCa: true, pathLength: 0, keyUsage: { keyCertSign: true, cRLSign: true } },
  // A school seal and a person sign records; nonRepudiation (contentCommitment) marks them as legally binding.
  seal: { validityYears: 3, isCa: false, keyUsage: { digitalSignature: true, nonRepudiation: true } },
  person: { validityYears: 3, isCa: false, keyUsage: { digitalSignature: true, nonRepudiation: true } },
};
