import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoStudents } from '../../apps/identity/src/modules/seed/demo-province.js';
import { call, submit, tokenFor, type ErrorBody, type SubmissionBody } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { demoSigner, pendingTasks, signDocuments, signerSession, type SignerSession } from '../support/signers.js';
import { demoClient, URLS } from '../support/stack.js';
import { scratchDir } from '../support/scratch-dir.js';

const SCHOOL = demoClient('school', 1);
const CLASS = '10A1';
const signing = { base: URLS.signing };

interface DocumentView {
  id: string;
  status: string;
  pendingStep?: { step: number; role: string } | null;
  rejection?: { role: string; reason: string; by: string } | null;
  signatures: Array<{ index: number; role: string }>;
}
interface Approval {
  approved: Array<{ taskId: string; documentId: string }>;
}

/** The học bạ of one class, teacher → principal → seal, through the public APIs, as a school and its staff use them. */
describe('signing workflows: homeroom teacher → principal → institution seal', () => {
  const dir = scratchDir('workflow-e2e-');
  const students = demoStudents(12).filter((s) => s.enrolment.schoolCode === SCHOOL.org && s.enrolment.className === CLASS).map((s) => s.student.studentId);
  let school: string;
  let teacher: SignerSession;
  let principal: SignerSession;

  const exampleOf = async (studentId: string) => (await call<SubmissionBody>('GET', `/v1/document-types/hoc-ba/example?studentId=${studentId}`, { token: school })).body;
  const submitFor = async (studentId: string) => {
    const res = await submit(school, await exampleOf(studentId));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    return res.body.id;
  };
  const view = (id: string, token = school) => call<DocumentView>('GET', `/v1/documents/${id}`, { token });
  const tasksFor = async (person: SignerSession, ids: string[]) =>
    pollUntil(async () => (await pendingTasks(person)).filter((t) => ids.includes(t.documentId)), (t) => t.length === ids.length, {
      what: `tasks of ${person.personId} for ${ids.length} documents`,
    });
  const approve = (person: SignerSession, taskIds: string[], pin = person.pin) =>
    call<Approval & ErrorBody>('POST', '/v1/signing-tasks/approve', { ...signing, token: person.token, body: { taskIds, pin } });

  beforeAll(async () => {
    school = await tokenFor(SCHOOL);
    expect(students.length).toBeGreaterThanOrEqual(3);
    [teacher, principal] = await Promise.all([signerSession(demoSigner(SCHOOL.org, 'HOMEROOM', CLASS)), signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL'))]);
  });

  it('approves a whole class in one batch: one PIN, one signature per record, then the principal, then the seal', async () => {
    const ids = await Promise.all(students.map(submitFor));
    const waiting = await pollUntil(() => view(ids[0]), (r) => r.body.status === 'signing', { what: 'the first record waiting for signatures' });
    expect(waiting.body.pendingStep).toEqual({ step: 1, role: 'homeroom-teacher' });

    // The principal cannot sign before the teacher, nor someone else's task.
    const teacherTasks = await tasksFor(teacher, ids);
    const early = await approve(principal, teacherTasks.map((t) => t.taskId));
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('SIGNING.TASK_NOT_YOURS');

    const wrongPin = await approve(teacher, teacherTasks.map((t) => t.taskId), '975310');
    expect(wrongPin.status).toBe(403);
    expect(wrongPin.body.code).toBe('SIGNING.PIN_WRONG');

    const batch = await approve(teacher, teacherTasks.map((t) => t.taskId));
    expect(batch.status, JSON.stringify(batch.body)).toBe(200);
    expect(batch.body.approved.map((a) => a.documentId).sort()).toEqual([...ids].sort());
    const again = await approve(teacher, [teacherTasks[0].taskId]);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SIGNING.TASK_NOT_PENDING');

    const principalTasks = await tasksFor(principal, ids);
    expect((await approve(principal, principalTasks.map((t) => t.taskId))).status).toBe(200);
    for (const id of ids) {
      const done = await pollUntil(() => view(id), (r) => r.body.status === 'archived', { what: `record ${id} archived`, timeoutMs: 90_000 });
      expect(done.body.signatures.map((s) => s.role)).toEqual(['homeroom-teacher', 'principal', 'institution-seal']);
    }
  });

  it('sends a rejected record back to the school with the reason, and takes the corrected version', async () => {
    const id = await submitFor(students[0]);
    const [task] = await tasksFor(teacher, [id]);
    const reason = 'Điểm môn Toán học kỳ II chưa khớp sổ điểm';
    const rejected = await call<ErrorBody>('POST', `/v1/signing-tasks/${task.taskId}/reject`, { ...signing, token: teacher.token, body: { reason } });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const back = await pollUntil(() => view(id), (r) => r.body.status === 'rejected', { what: 'the record rejected' });
    expect(back.body.rejection).toMatchObject({ role: 'homeroom-teacher', reason });
    expect((await approve(teacher, [task.taskId])).status).toBe(409);

    const corrected = await submitFor(students[0]);
    await signDocuments(SCHOOL.org, [corrected]);
    await pollUntil(() => view(corrected), (r) => r.body.status === 'archived', { what: 'the corrected version archived', timeoutMs: 90_000 });
  });

  it('serves the sealed học bạ as a PDF that a PDF reader validates, only to the school and the ministry', async () => {
    const id = await submitFor(students[1]);
    const early = await call<ErrorBody>('GET', `/v1/documents/${id}/pdf`, { token: school });
    expect(early.status).toBe(409);
    await signDocuments(SCHOOL.org, [id]);
    await pollUntil(() => view(id), (r) => ['signed', 'archived'].includes(r.body.status), { what: 'the record signed' });
    const pdf = await call('GET', `/v1/documents/${id}/pdf`, { token: school });
    expect(pdf.status, pdf.bytes.toString().slice(0, 300)).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    writeFileSync(join(dir, 'hoc-ba.pdf'), pdf.bytes);
    const sig = spawnSync('pdfsig', [join(dir, 'hoc-ba.pdf')], { encoding: 'utf8' });
    expect(sig.stdout).toContain('Signature is Valid.');
    expect(sig.stdout).toContain('ETSI.CAdES.detached');
    const text = spawnSync('pdftotext', [join(dir, 'hoc-ba.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const content = JSON.parse((await call('GET', `/v1/documents/${id}/content`, { token: school })).bytes.toString('utf8'));
    expect(text).toContain(content.student.fullName);
    expect(text).toContain('HỌC BẠ');
    // The same bytes on the next request; the ministry reads it, another school does not see it.
    expect((await call('GET', `/v1/documents/${id}/pdf`, { token: await tokenFor(demoClient('ministry')) })).bytes.equals(pdf.bytes)).toBe(true);
    expect((await call('GET', `/v1/documents/${id}/pdf`, { token: await tokenFor(demoClient('school', 0)) })).status).toBe(404);
    expect(readFileSync(join(dir, 'hoc-ba.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
