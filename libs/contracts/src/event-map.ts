import type { DescMessage, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import {
  DocumentArchivedSchema,
  DocumentRejectedSchema,
  DocumentSignedSchema,
  DocumentSigningFailedSchema,
  DocumentSubmittedSchema,
  SignatureRequestedSchema,
} from './gen/edu/events/v1/documents_pb.js';
import {
  CertificateIssuedSchema,
  CertificateRevokedSchema,
  ClientChangedSchema,
  OrganisationRegisteredSchema,
  PersonRegisteredSchema,
  TeacherAssignedSchema,
  SealKeyRegisteredSchema,
  StudentEnrolledSchema,
} from './gen/edu/events/v1/identity_pb.js';
import { Topics, type Topic } from './topics.js';

/** Topic → payload schema. A producer and its consumers share this one definition. */
export const EVENT_SCHEMAS = {
  [Topics.DocumentSubmitted]: DocumentSubmittedSchema,
  [Topics.DocumentSigned]: DocumentSignedSchema,
  [Topics.DocumentSigningFailed]: DocumentSigningFailedSchema,
  [Topics.DocumentArchived]: DocumentArchivedSchema,
  [Topics.OrganisationRegistered]: OrganisationRegisteredSchema,
  [Topics.StudentEnrolled]: StudentEnrolledSchema,
  [Topics.CertificateIssued]: CertificateIssuedSchema,
  [Topics.SealKeyRegistered]: SealKeyRegisteredSchema,
  [Topics.PersonRegistered]: PersonRegisteredSchema,
  [Topics.TeacherAssigned]: TeacherAssignedSchema,
  [Topics.CertificateRevoked]: CertificateRevokedSchema,
  [Topics.ClientChanged]: ClientChangedSchema,
  [Topics.SignatureRequested]: SignatureRequestedSchema,
  [Topics.DocumentRejected]: DocumentRejectedSchema,
} satisfies Record<Topic, DescMessage>;

export type EventSchemas = typeof EVENT_SCHEMAS;
export type EventPayload<T extends Topic> = MessageShape<EventSchemas[T]>;
/** What a new event's payload may be given as (plain values; bytes as Uint8Array or Buffer). */
export type EventPayloadInit<T extends Topic> = MessageInitShape<EventSchemas[T]>;
