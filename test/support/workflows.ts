import { expect } from 'vitest';
import { call, type SubmissionBody, type ValidationReport } from './api.js';
import { pollUntil } from './poll.js';
import { pendingTasks, type SignerSession } from './signers.js';
import { URLS } from './stack.js';

/** A document as GET /v1/documents/{id} shows it, as far as the specs read it. */
export interface DocumentView {
  id: string;
  status: string;
  version: number;
  supersedes: string | null;
  subject: Record<string, string>;
  pendingStep?: { step: number; role: string } | null;
  failure?: { code: string } | null;
  signatures: Array<{ index: number; role: string }>;
}

/** A submission body of any type: its subject is whatever the type's kind wants. */
export type AnyBody = Omit<SubmissionBody, 'subject'> & { subject: Record<string, string> };

const signing = { base: URLS.signing };

export const documentView = (id: string, token: string) => call<DocumentView>('GET', `/v1/documents/${id}`, { token });

/** The example endpoint's body of `type` for the school's n-th student. */
export async function documentExample<B = AnyBody>(type: string, token: string, n = 0): Promise<B> {
  const res = await call<B>('GET', `/v1/document-types/${type}/example?n=${n}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The person's one pending task on the document, once it is there, approved with their PIN. */
export async function approveTask(person: SignerSession, documentId: string): Promise<void> {
  const [task] = await pollUntil(
    async () => (await pendingTasks(person)).filter((t) => t.documentId === documentId),
    (t) => t.length === 1,
    { what: `the task of ${person.personId} for ${documentId}` },
  );
  const res = await call('POST', '/v1/signing-tasks/approve', { ...signing, token: person.token, body: { taskIds: [task.taskId], pin: person.pin } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** The report of POST /v1/validations on the document's archived container, sent as base64 JSON. */
export async function validateEvidence(documentId: string, token: string): Promise<ValidationReport> {
  const evidence = await call('GET', `/v1/documents/${documentId}/evidence`, { token });
  expect(evidence.status).toBe(200);
  const report = await call<ValidationReport>('POST', '/v1/validations', { ...signing, body: { container: evidence.bytes.toString('base64') } });
  expect(report.status, JSON.stringify(report.body).slice(0, 800)).toBe(200);
  return report.body;
}
