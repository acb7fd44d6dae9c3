import { Topics, type NewEvent, type Topic } from '@edu/contracts';
import type { DomainError } from '@edu/errors';
import type { SignatureRecord } from '../signatures/signature-records.js';
import type { SigningTask, Workflow } from './workflow.js';

/** One event for the outbox, keyed by document id so that one document's events stay in order. */
export interface OutboxItem {
  key: string;
  event: Omit<NewEvent<Topic>, 'producer'>;
}

/**
 * A document's later events (a signer's approval days after the submission) keep the submission's correlation id, so
 * the school's request and its outcome stay one thread in the logs; the trace is the approving request's own.
 */
const lifecycle = (w: Partial<Pick<Workflow, 'correlationId'>>): Cause => (w.correlationId ? { correlationId: w.correlationId } : {});

/** What caused the events: the consumed event, or nothing for an HTTP request (its correlation id is current). */
export interface Cause {
  correlationId?: string;
  causationId?: string;
}

export function signatureRequested(w: Pick<Workflow, 'documentType' | 'issuerCode'> & Partial<Pick<Workflow, 'correlationId'>>, task: SigningTask, reminder: boolean, cause: Cause = lifecycle(w)): OutboxItem {
  return {
    key: task.documentId,
    event: {
      type: Topics.SignatureRequested,
      ...cause,
      payload: {
        documentId: task.documentId,
        taskId: task.taskId,
        documentType: w.documentType,
        issuerCode: w.issuerCode,
        step: task.step,
        role: task.role,
        assigneePersonId: task.assigneePersonId ?? '',
        dueAt: task.dueAt?.toISOString() ?? '',
        reminder,
      },
    },
  };
}

/** Every signature, in order: what archiving puts in the container. */
export function documentSigned(w: Workflow, signatures: SignatureRecord[], cause: Cause = lifecycle(w)): OutboxItem {
  const c = w.content;
  return {
    key: w.documentId,
    event: {
      type: Topics.DocumentSigned,
      ...cause,
      payload: {
        documentId: w.documentId,
        documentType: w.documentType,
        version: w.version,
        issuerCode: w.issuerCode,
        studentId: w.studentId,
        schoolYear: w.schoolYear,
        content: { bucket: c.bucket, key: c.key, sha256: c.sha256, size: c.size, versionId: c.versionId, inline: c.inline },
        signatures: signatures.map((s) => ({
          index: s.index,
          role: s.role,
          signerSubject: s.signerSubject,
          signerCertificateSha256: s.signerCertificateSha256,
          cms: s.cms,
          signedAt: s.signedAt.toISOString(),
        })),
      },
    },
  };
}

export function signingFailed(documentId: string, err: DomainError, cause: Cause = {}): OutboxItem {
  return {
    key: documentId,
    event: { type: Topics.DocumentSigningFailed, ...cause, payload: { documentId, code: err.code, reasonVi: err.text.vi, reasonEn: err.text.en } },
  };
}

export function documentRejected(task: SigningTask): OutboxItem {
  return {
    key: task.documentId,
    event: {
      type: Topics.DocumentRejected,
      payload: {
        documentId: task.documentId,
        taskId: task.taskId,
        step: task.step,
        role: task.role,
        personId: task.doneBy ?? '',
        reason: task.reason ?? '',
        rejectedAt: task.doneAt?.toISOString() ?? '',
      },
    },
  };
}
