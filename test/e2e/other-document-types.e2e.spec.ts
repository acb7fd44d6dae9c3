import { beforeAll, describe, expect, it } from 'vitest';
import { demoStudents } from '../../apps/identity/src/modules/seed/demo-province.js';
import { call, submit, tokenFor, type SubmissionBody } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { demoSigner, pendingTasks, signerSession, type SignerSession } from '../support/signers.js';
import { demoClient, URLS } from '../support/stack.js';

const signing = { base: URLS.signing };

interface DocumentView {
  id: string;
  status: string;
  version: number;
  supersedes: string | null;
  subject: Record<string, string>;
  pendingStep?: { step: number; role: string } | null;
  signatures: Array<{ index: number; role: string }>;
}
interface ErrorBody {
  code: string;
  field: string | null;
  message: { vi: string; en: string };
}
interface Report {
  indication: string;
  signatures: Array<{ indication: string; level: string; workflowStep?: { role: string } }>;
}
type Body = Omit<SubmissionBody, 'subject'> & { subject: Record<string, string> };

/**
 * The other workflows of the domain table, end to end through the public APIs, as a school and its staff use them:
 * sổ điểm, certificates and the bảng điểm (transcript).
 */
describe('sổ điểm (subject teacher → principal); certificates and transcripts (principal → seal)', () => {
  const view = (id: string, token: string) => call<DocumentView>('GET', `/v1/documents/${id}`, { token });
  const example = async (type: string, token: string, n = 0) => {
    const res = await call<Body>('GET', `/v1/document-types/${type}/example?n=${n}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const tasksOf = (person: SignerSession, id: string) =>
    pollUntil(async () => (await pendingTasks(person)).filter((t) => t.documentId === id), (t) => t.length === 1, { what: `the task of ${person.personId} for ${id}` });
  const approve = async (person: SignerSession, id: string) => {
    const [task] = await tasksOf(person, id);
    const res = await call('POST', '/v1/signing-tasks/approve', { ...signing, token: person.token, body: { taskIds: [task.taskId], pin: person.pin } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const validate = async (id: string, token: string) => {
    const evidence = await call('GET', `/v1/documents/${id}/evidence`, { token });
    expect(evidence.status).toBe(200);
    const report = await call<Report>('POST', '/v1/validations', { ...signing, body: { container: evidence.bytes.toString('base64') } });
    expect(report.status, JSON.stringify(report.body).slice(0, 800)).toBe(200);
    return report.body;
  };

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

  describe('a class’s Toán grade book for term I at a THCS', () => {
    const SCHOOL = demoClient('school', 2);
    let school: string;
    let body: Body;

    beforeAll(async () => {
      school = await tokenFor(SCHOOL);
      body = await example('so-diem', school);
    });

    it('is signed by the class’s Toán teacher, not its homeroom teacher, then by the principal, and archived', async () => {
      const { className } = body.subject;
      expect(body.subject).toEqual({ className, subjectCode: 'TOAN', term: 'hk1' });
      const [teacher, homeroom, principal] = await Promise.all([
        signerSession(demoSigner(SCHOOL.org, 'SUBJECT', className)),
        signerSession(demoSigner(SCHOOL.org, 'HOMEROOM', className)),
        signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL')),
      ]);
      expect(teacher.personId).not.toBe(homeroom.personId);

      const res = await submit(school, body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const id = res.body.id;
      const waiting = await pollUntil(() => view(id, school), (r) => r.body.status === 'signing', { what: 'the grade book waiting for signatures' });
      expect(waiting.body.pendingStep).toEqual({ step: 1, role: 'subject-teacher' });
      expect(waiting.body.subject).toEqual(body.subject);
      expect((await pendingTasks(homeroom)).filter((t) => t.documentId === id)).toEqual([]);

      await approve(teacher, id);
      await approve(principal, id);
      const done = await pollUntil(() => view(id, school), (r) => r.body.status === 'archived', { what: 'the grade book archived', timeoutMs: 90_000 });
      expect(done.body.signatures.map((s) => s.role)).toEqual(['subject-teacher', 'principal']);

      const report = await validate(id, school);
      expect(report.indication, JSON.stringify(report).slice(0, 1500)).toBe('PASSED');
      expect(report.signatures.map((s) => [s.indication, s.level, s.workflowStep?.role])).toEqual([
        ['PASSED', 'B-LT', 'subject-teacher'], ['PASSED', 'B-LT', 'principal'],
      ]);
      const pdf = await call<ErrorBody>('GET', `/v1/documents/${id}/pdf`, { token: school });
      expect(pdf.status).toBe(404);
      expect(pdf.body.code).toBe('INTERCHANGE.NO_PDF_FOR_TYPE');

      // A corrected grade book for the same class, subject and term is its next version.
      const corrected = await submit(school, { ...body, content: { ...body.content, teacher: { name: 'Vũ Thị Lan' } } });
      expect(corrected.status, JSON.stringify(corrected.body)).toBe(202);
      expect(corrected.body.version).toBe(res.body.version + 1);
      expect((await view(corrected.body.id, school)).body.supersedes).toBe(id);
    });

    it('refuses a student from another class, a class the school does not have, and a subject without its term', async () => {
      const { className } = body.subject;
      const outsider = demoStudents(12).find((s) => s.enrolment.schoolCode === SCHOOL.org && s.enrolment.className !== className);
      expect(outsider).toBeDefined();
      const rows = body.content.students as Array<Record<string, unknown>>;
      const stranger = await submit(school, { ...body, content: { ...body.content, students: [{ ...rows[0], studentId: outsider!.student.studentId }, ...rows.slice(1)] } });
      expect(stranger.status).toBe(422);
      expect(stranger.body).toMatchObject({ code: 'INTERCHANGE.UNKNOWN_STUDENT', field: 'content.students[0].studentId' });

      const nowhere = await submit(school, { ...body, subject: { ...body.subject, className: '9Z9' }, content: { ...body.content, className: '9Z9' } });
      expect(nowhere.status).toBe(422);
      expect(nowhere.body).toMatchObject({ code: 'INTERCHANGE.UNKNOWN_CLASS', field: 'subject.className' });

      const noTerm = await submit(school, { ...body, subject: { className, subjectCode: 'TOAN' } });
      expect(noTerm.status).toBe(400);
      expect(noTerm.body).toMatchObject({ code: 'INTERCHANGE.SCHEMA_INVALID', field: 'subject.term' });
      const asStudent = await submit(school, { ...body, subject: { studentId: rows[0].studentId } });
      expect(asStudent.status).toBe(400);
      expect(asStudent.body).toMatchObject({ code: 'INTERCHANGE.SCHEMA_INVALID', field: 'subject.studentId' });
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
      const body = await example(type, school, 1);
      const principal = await signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL'));
      const res = await submit(school, body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const id = res.body.id;
      const waiting = await pollUntil(() => view(id, school), (r) => r.body.status === 'signing', { what: `the ${type} waiting for the principal` });
      expect(waiting.body.pendingStep).toEqual({ step: 1, role: 'principal' });
      expect(waiting.body.subject).toEqual(body.subject);

      await approve(principal, id);
      const done = await pollUntil(() => view(id, school), (r) => r.body.status === 'archived', { what: `the ${type} archived`, timeoutMs: 90_000 });
      expect(done.body.signatures.map((s) => s.role)).toEqual(['principal', 'institution-seal']);
      const report = await validate(id, school);
      expect(report.signatures.map((s) => [s.indication, s.workflowStep?.role])).toEqual([['PASSED', 'principal'], ['PASSED', 'institution-seal']]);
      // The ministry reads it; another school does not see it.
      expect((await view(id, await tokenFor(demoClient('ministry')))).status).toBe(200);
      expect((await view(id, await tokenFor(demoClient('school', 0)))).status).toBe(404);
    });

    it('refuses one whose holder is not the submission’s student', async () => {
      const school = await tokenFor(SCHOOL);
      const [first, other] = [await example(type, school, 0), await example(type, school, 2)];
      expect(first.subject.studentId).not.toBe(other.subject.studentId);
      const res = await submit(school, { ...first, subject: other.subject });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INTERCHANGE.RULE_VIOLATED', field: holder });
    });
  });
});
