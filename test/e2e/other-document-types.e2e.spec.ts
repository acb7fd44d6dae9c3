import { describe, expect, it } from 'vitest';
import { call, submit, tokenFor } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { demoSigner, signerSession } from '../support/signers.js';
import { demoClient } from '../support/stack.js';
import { approveTask, documentExample, documentView, validateEvidence } from '../support/workflows.js';

/**
 * The document types' signers, and the certificates and the bảng điểm (transcript) end to end through the public APIs:
 * the principal, then the institution's seal. The sổ điểm has its own spec (grade-books), invoices and contracts theirs
 * (administrative-documents).
 */
describe('certificates and transcripts (principal → seal)', () => {
  it('lists the seven accepted types with their signers in order', async () => {
    const types = await call<Array<{ type: string; signers: string[] }>>('GET', '/v1/document-types', { token: await tokenFor(demoClient('school', 0)) });
    expect(Object.fromEntries(types.body.map((t) => [t.type, t.signers]))).toEqual({
      'hoc-ba': ['homeroom-teacher', 'principal', 'institution-seal'],
      'so-diem': ['subject-teacher', 'principal'],
      'bang-diem': ['principal', 'institution-seal'],
      'chung-chi': ['principal', 'institution-seal'],
      'chung-nhan': ['principal', 'institution-seal'],
      'hoa-don': ['authorised-signatory', 'institution-seal'],
      'hop-dong': ['authorised-signatory', 'institution-seal'],
    });
  });

  describe.each([
    { type: 'chung-nhan', school: 3, holder: 'content.holder.studentId' },
    { type: 'chung-chi', school: 3, holder: 'content.holder.studentId' },
    { type: 'bang-diem', school: 2, holder: 'content.student.studentId' },
  ])('a $type of school #$school', ({ type, school: nth, holder }) => {
    const SCHOOL = demoClient('school', nth);

    it('is signed by the principal, sealed by the institution and archived', async () => {
      const school = await tokenFor(SCHOOL);
      const body = await documentExample(type, school, 1);
      const principal = await signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL'));
      const res = await submit(school, body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const id = res.body.id;
      const waiting = await pollUntil(() => documentView(id, school), (r) => r.body.status === 'signing', { what: `the ${type} waiting for the principal` });
      expect(waiting.body.pendingStep).toEqual({ step: 1, role: 'principal' });
      expect(waiting.body.subject).toEqual(body.subject);

      await approveTask(principal, id);
      const done = await pollUntil(() => documentView(id, school), (r) => r.body.status === 'archived', { what: `the ${type} archived`, timeoutMs: 90_000 });
      expect(done.body.signatures.map((s) => s.role)).toEqual(['principal', 'institution-seal']);
      const report = await validateEvidence(id, school);
      expect(report.signatures.map((s) => [s.indication, s.workflowStep?.role])).toEqual([['PASSED', 'principal'], ['PASSED', 'institution-seal']]);
      // The ministry reads it; another school does not see it.
      expect((await documentView(id, await tokenFor(demoClient('ministry')))).status).toBe(200);
      expect((await documentView(id, await tokenFor(demoClient('school', 0)))).status).toBe(404);
    });

    it('refuses one whose holder is not the submission’s student', async () => {
      const school = await tokenFor(SCHOOL);
      const [first, other] = [await documentExample(type, school, 0), await documentExample(type, school, 2)];
      expect(first.subject.studentId).not.toBe(other.subject.studentId);
      const res = await submit(school, { ...first, subject: other.subject });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INTERCHANGE.RULE_VIOLATED', field: holder });
    });
  });
});
