import { beforeAll, describe, expect, it } from 'vitest';
import { demoStaff, demoStudents } from '../../apps/identity/src/modules/seed/demo-province.js';
import { call, submit, tokenFor, type ErrorBody } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { demoSigner, pendingTasks, signerSession, type SignerSession } from '../support/signers.js';
import { demoClient, URLS } from '../support/stack.js';
import { approveTask, documentExample, documentView, validateEvidence, type AnyBody } from '../support/workflows.js';

/**
 * The sổ điểm end to end through the public APIs, as a school and its staff use it: a scored subject and a comment
 * subject at a THCS, and a primary school's subject; each signed by its subject teacher, then the principal.
 */
describe('sổ điểm (subject teacher → principal)', () => {
  /**
   * The Sở assigns a teacher a subject of a class (assignments.csv): identity's demo data assigns subject teachers for
   * Toán at secondary schools only.
   */
  const assign = async (personId: string, schoolCode: string, className: string, subject: string, schoolYear: string) => {
    const operator = await tokenFor(demoClient('operator'));
    const csv = `person_id,school_code,class_name,subject,school_year\n${personId},${schoolCode},${className},${subject},${schoolYear}\n`;
    const created = await call<{ id: string }>('POST', '/v1/roster-imports?kind=assignments', {
      base: URLS.identity, token: operator, raw: Buffer.from(csv), headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(202);
    const imported = await pollUntil(
      () => call<{ status: string }>('GET', `/v1/roster-imports/${created.body.id}`, { base: URLS.identity, token: operator }),
      (r) => ['DONE', 'REJECTED', 'FAILED'].includes(r.body.status),
      { what: `the ${subject} assignment of ${className}` },
    );
    expect(imported.body.status, JSON.stringify(imported.body)).toBe('DONE');
  };
  /**
   * Signing learns an assignment from identity's event, so a book submitted before the event lands fails with
   * SIGNING.SIGNER_UNKNOWN; each such version is superseded by the next, until one waits for the subject teacher.
   */
  const submitOnceAssigned = async (token: string, body: AnyBody) => {
    const waiting = await pollUntil(
      async () => {
        const res = await submit(token, body);
        expect(res.status, JSON.stringify(res.body)).toBe(202);
        return pollUntil(() => documentView(res.body.id, token), (r) => ['signing', 'failed'].includes(r.body.status), { what: `${res.body.id} to start signing or fail` });
      },
      (r) => r.body.status === 'signing' || (r.body.status === 'failed' && r.body.failure?.code !== 'SIGNING.SIGNER_UNKNOWN'),
      { what: 'the grade book waiting for its subject teacher' },
    );
    expect(waiting.body).toMatchObject({ status: 'signing', pendingStep: { step: 1, role: 'subject-teacher' }, subject: body.subject });
    return waiting.body.id;
  };
  /** The subject teacher, then the principal approve; the book is archived with both signatures, which validate. */
  const signAndValidate = async (id: string, token: string, teacher: SignerSession, principal: SignerSession) => {
    await approveTask(teacher, id);
    await approveTask(principal, id);
    const done = await pollUntil(() => documentView(id, token), (r) => r.body.status === 'archived', { what: 'the grade book archived', timeoutMs: 90_000 });
    expect(done.body.signatures.map((s) => s.role)).toEqual(['subject-teacher', 'principal']);
    const report = await validateEvidence(id, token);
    expect(report.indication, JSON.stringify(report).slice(0, 1500)).toBe('PASSED');
    expect(report.signatures.map((s) => [s.indication, s.workflowStep?.role])).toEqual([['PASSED', 'subject-teacher'], ['PASSED', 'principal']]);
  };

  describe('a class’s Toán grade book for term I at a THCS', () => {
    const SCHOOL = demoClient('school', 2);
    let school: string;
    let body: AnyBody;

    beforeAll(async () => {
      school = await tokenFor(SCHOOL);
      body = await documentExample('so-diem', school);
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
      const waiting = await pollUntil(() => documentView(id, school), (r) => r.body.status === 'signing', { what: 'the grade book waiting for signatures' });
      expect(waiting.body.pendingStep).toEqual({ step: 1, role: 'subject-teacher' });
      expect(waiting.body.subject).toEqual(body.subject);
      expect((await pendingTasks(homeroom)).filter((t) => t.documentId === id)).toEqual([]);

      await approveTask(teacher, id);
      await approveTask(principal, id);
      const done = await pollUntil(() => documentView(id, school), (r) => r.body.status === 'archived', { what: 'the grade book archived', timeoutMs: 90_000 });
      expect(done.body.signatures.map((s) => s.role)).toEqual(['subject-teacher', 'principal']);

      const report = await validateEvidence(id, school);
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
      expect((await documentView(corrected.body.id, school)).body.supersedes).toBe(id);
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

  describe('a class’s Giáo dục thể chất grade book (assessed by comment) at a THCS', () => {
    const SCHOOL = demoClient('school', 2);
    let school: string;
    let body: AnyBody;

    beforeAll(async () => {
      school = await tokenFor(SCHOOL);
      // The Toán example, turned into GDTC, a comment subject: two regular assessments a term, Đạt / Chưa đạt.
      const toan = await documentExample('so-diem', school);
      const rows = toan.content.students as Array<{ studentId: string; fullName: string }>;
      body = {
        ...toan,
        subject: { ...toan.subject, subjectCode: 'GDTC' },
        content: {
          ...toan.content,
          assessment: 'comment',
          subjectCode: 'GDTC',
          subjectName: 'Giáo dục thể chất',
          yearlyPeriods: 70,
          students: rows.map(({ studentId, fullName }, i) => {
            const midterm = i === 0 ? 'Chưa đạt' : 'Đạt';
            return { studentId, fullName, regular: ['Đạt', 'Đạt'], midterm, final: 'Đạt', result: midterm };
          }),
        },
      };
    });

    it('refuses a term result the assessments do not give, before anyone signs', async () => {
      const [first, ...rest] = body.content.students as Array<Record<string, unknown>>;
      const res = await submit(school, { ...body, content: { ...body.content, students: [{ ...first, result: 'Đạt' }, ...rest] } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INTERCHANGE.RULE_VIOLATED', field: 'content.students[0].result' });
    });

    it('is signed by the teacher assigned the class’s GDTC, not its Toán teacher, then by the principal, and archived', async () => {
      const { className } = body.subject;
      const elsewhere = demoStaff().homerooms.find((h) => h.schoolCode === SCHOOL.org && h.className !== className);
      expect(elsewhere).toBeDefined();
      const [teacher, toan, principal] = await Promise.all([
        signerSession(demoSigner(SCHOOL.org, 'HOMEROOM', elsewhere!.className)),
        signerSession(demoSigner(SCHOOL.org, 'SUBJECT', className)),
        signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL')),
      ]);
      await assign(teacher.personId, SCHOOL.org, className, 'GDTC', body.schoolYear);

      const id = await submitOnceAssigned(school, body);
      expect((await pendingTasks(toan)).filter((t) => t.documentId === id)).toEqual([]);
      await signAndValidate(id, school, teacher, principal);
    });
  });

  describe('a class’s Toán grade book at a primary school', () => {
    const SCHOOL = demoClient('school', 3);
    // Not 5A: signing-keys.e2e locks the PIN of 5A's homeroom teacher.
    const CLASS = '4A';
    let school: string;
    let body: AnyBody;

    beforeAll(async () => {
      school = await tokenFor(SCHOOL);
      const pupil = demoStudents(12).find((s) => s.enrolment.schoolCode === SCHOOL.org && s.enrolment.className === CLASS);
      expect(pupil).toBeDefined();
      const res = await call<AnyBody>('GET', `/v1/document-types/so-diem/example?studentId=${pupil!.student.studentId}`, { token: school });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      body = res.body;
    });

    it('holds each pupil’s level and test score, and is signed by the class teacher assigned its Toán, then the principal', async () => {
      expect(body.subject).toEqual({ className: CLASS, subjectCode: 'TOAN', term: 'hk1' });
      expect(body.content).toMatchObject({ level: 'TIEU_HOC', grade: 4, subjectName: 'Toán' });
      for (const row of body.content.students as Array<{ level: string; testScore: number }>) {
        expect(['Hoàn thành tốt', 'Hoàn thành', 'Chưa hoàn thành']).toContain(row.level);
        expect(Number.isInteger(row.testScore)).toBe(true);
      }
      // A primary class teacher teaches the class its Toán.
      const [teacher, principal] = await Promise.all([
        signerSession(demoSigner(SCHOOL.org, 'HOMEROOM', CLASS)),
        signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL')),
      ]);
      await assign(teacher.personId, SCHOOL.org, CLASS, 'TOAN', body.schoolYear);

      const id = await submitOnceAssigned(school, body);
      await signAndValidate(id, school, teacher, principal);
    });

    it('refuses a row of a tested subject without its test score', async () => {
      const [first, ...rest] = body.content.students as Array<Record<string, unknown>>;
      const { testScore: _dropped, ...untested } = first;
      const res = await submit(school, { ...body, content: { ...body.content, students: [untested, ...rest] } });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'INTERCHANGE.RULE_VIOLATED', field: 'content.students[0].testScore' });
    });
  });
});
