import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoStudents } from '../../apps/identity/src/modules/seed/demo-province.js';
import { call, submit, tokenFor, type ErrorBody, type SubmissionBody } from '../support/api.js';
import { opensslIn } from '../support/openssl.js';
import { pollUntil } from '../support/poll.js';
import { demoSigner, pendingTasks, signDocuments, signerSession, type SignerSession } from '../support/signers.js';
import { demoClient, URLS } from '../support/stack.js';
import { scratchDir } from '../support/scratch-dir.js';

const SCHOOL = demoClient('school', 2);
const CLASS = '6A1';

interface Certificate {
  serial: string;
  certificatePem: string;
  chainPem: string[];
}

/**
 * A teacher who holds a USB token signs the canonical bytes with standard tools (OpenSSL here) and uploads the
 * detached CMS: accepted only when it verifies, chains to the platform CA, is unrevoked and is the teacher's own.
 */
describe('external signatures uploaded to a signing task', () => {
  const dir = scratchDir('external-sig-');
  const ssl = (...args: string[]) => opensslIn(dir, args);
  const teacherMember = demoSigner(SCHOOL.org, 'HOMEROOM', CLASS);
  const students = demoStudents(12).filter((s) => s.enrolment.schoolCode === SCHOOL.org && s.enrolment.className === CLASS).map((s) => s.student.studentId);
  let school: string;
  let operator: string;
  let teacher: SignerSession;

  /** A key made on "the token" and a person certificate for it from identity, as a CA desk would issue it. */
  const certify = async (personId: string, name: string) => {
    ssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-subj', `/serialNumber=${personId}`, '-out', `${name}.csr`);
    const res = await call<Certificate>('POST', '/v1/certificates', {
      base: URLS.identity, token: operator, body: { profile: 'person', orgCode: SCHOOL.org, personId, csrPem: readFileSync(join(dir, `${name}.csr`), 'utf8') },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    writeFileSync(join(dir, `${name}.pem`), res.body.certificatePem);
    writeFileSync(join(dir, 'chain.pem'), res.body.chainPem.join(''));
    return res.body;
  };
  const cmsOver = (content: Buffer, name: string) => {
    writeFileSync(join(dir, 'content.bin'), content);
    const run = ssl('cms', '-sign', '-binary', '-cades', '-md', 'sha256', '-nosmimecap', '-in', 'content.bin', '-signer', `${name}.pem`, '-inkey', `${name}.key`,
      '-certfile', 'chain.pem', '-outform', 'DER', '-out', `${name}.p7s`);
    expect(run.status, run.out).toBe(0);
    return readFileSync(join(dir, `${name}.p7s`));
  };
  const upload = (taskId: string, signature: Buffer | string) =>
    call<ErrorBody & { approved?: unknown[] }>('POST', `/v1/signing-tasks/${taskId}/signature`, {
      base: URLS.signing, token: teacher.token, body: { signature: typeof signature === 'string' ? signature : signature.toString('base64') },
    });
  const pendingDocument = async (studentId: string) => {
    const example = (await call<SubmissionBody>('GET', `/v1/document-types/hoc-ba/example?studentId=${studentId}`, { token: school })).body;
    const res = await submit(school, example);
    expect(res.status).toBe(202);
    const task = await pollUntil(async () => (await pendingTasks(teacher)).find((t) => t.documentId === res.body.id), Boolean, { what: 'the teacher task' });
    const content = (await call('GET', `/v1/documents/${res.body.id}/content`, { token: school })).bytes;
    return { id: res.body.id, taskId: task!.taskId, content };
  };

  beforeAll(async () => {
    school = await tokenFor(SCHOOL);
    operator = await tokenFor(demoClient('operator'));
    teacher = await signerSession(teacherMember);
    await certify(teacherMember.personId, 'teacher');
    await certify(demoSigner(SCHOOL.org, 'PRINCIPAL').personId, 'principal');
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'stranger.key', '-subj', `/CN=Self-made/serialNumber=${teacherMember.personId}`, '-days', '30', '-out', 'stranger.pem');
  });

  it('refuses a signature over other bytes, from an unknown CA, of another person, or not CMS at all', async () => {
    const doc = await pendingDocument(students[0]);
    const tampered = Buffer.from(doc.content);
    tampered[tampered.length - 3] ^= 1;
    const cases: Array<[string, Buffer | string, RegExp]> = [
      ['other bytes', cmsOver(tampered, 'teacher'), /HASH_FAILURE/],
      ['unknown CA', cmsOver(doc.content, 'stranger'), /NO_CERTIFICATE_CHAIN_FOUND/],
      ['another person', cmsOver(doc.content, 'principal'), /SIG_CONSTRAINTS_FAILURE/],
      ['not CMS', Buffer.from('just some bytes'), /FORMAT_FAILURE/],
    ];
    for (const [what, signature, why] of cases) {
      const res = await upload(doc.taskId, signature);
      expect(res.status, what).toBe(422);
      expect(res.body.code, what).toBe('SIGNING.EXTERNAL_SIGNATURE_INVALID');
      expect(res.body.field).toBe('signature');
      expect(res.body.message.en, what).toMatch(why);
    }
    const notBase64 = await upload(doc.taskId, '%%% not base64 %%%');
    expect(notBase64.status).toBe(400);
    // Nothing was signed: the task still waits.
    expect((await pendingTasks(teacher)).some((t) => t.taskId === doc.taskId)).toBe(true);
  });

  it('accepts the teacher’s own valid signature as the step’s signature, and the workflow goes on to the seal', async () => {
    const doc = await pendingDocument(students[1]);
    const signature = cmsOver(doc.content, 'teacher');
    const res = await upload(doc.taskId, signature);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect((await upload(doc.taskId, signature)).status).toBe(409);
    await signDocuments(SCHOOL.org, [doc.id]);
    await pollUntil(() => call<{ status: string }>('GET', `/v1/documents/${doc.id}`, { token: school }), (r) => r.body.status === 'archived', {
      what: 'the record archived', timeoutMs: 90_000,
    });
    const first = await call('GET', `/v1/documents/${doc.id}/signatures/1`, { token: school });
    expect(first.bytes.equals(signature)).toBe(true);
  });

  it('refuses a signature whose certificate has been revoked', async () => {
    // A second token of the same teacher, reported lost.
    const lost = await certify(teacherMember.personId, 'lost');
    const revoked = await call('POST', `/v1/certificates/${lost.serial}/revocation`, { base: URLS.identity, token: operator, body: { reason: 'keyCompromise' } });
    expect(revoked.status).toBe(200);
    const doc = await pendingDocument(students[2]);
    const res = await upload(doc.taskId, cmsOver(doc.content, 'lost'));
    expect(res.status).toBe(422);
    expect(res.body.message.en).toMatch(/REVOKED/);
  });
});
