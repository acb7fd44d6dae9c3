/**
 * Topic names: `<producer>.<event>.v<N>`. NEVER rename one without a migration plan — consumers, DLQs and
 * committed offsets are keyed by these strings.
 */
export const Topics = {
  DocumentSubmitted: 'interchange.document-submitted.v1',
  DocumentSigned: 'signing.document-signed.v1',
  DocumentSigningFailed: 'signing.document-signing-failed.v1',
  DocumentArchived: 'archiving.document-archived.v1',
  OrganisationRegistered: 'identity.organisation-registered.v1',
  StudentEnrolled: 'identity.student-enrolled.v1',
  CertificateIssued: 'identity.certificate-issued.v1',
  SealKeyRegistered: 'signing.seal-key-registered.v1',
  PersonRegistered: 'identity.person-registered.v1',
  TeacherAssigned: 'identity.teacher-assigned.v1',
  CertificateRevoked: 'identity.certificate-revoked.v1',
  ClientChanged: 'identity.client-changed.v1',
  SignatureRequested: 'signing.signature-requested.v1',
  DocumentRejected: 'signing.document-rejected.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

export const deadLetterTopic = (topic: Topic): string => `${topic}.dlq`;

export const ALL_TOPICS: readonly Topic[] = Object.values(Topics);
