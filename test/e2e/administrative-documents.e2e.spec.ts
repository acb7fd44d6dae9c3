import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { extractText, poppler } from '../../libs/pdf/src/testing/poppler.js';
import { call, submit, tokenFor, type ErrorBody, type ValidationReport } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { demoSigner, signerSession } from '../support/signers.js';
import { demoClient, URLS } from '../support/stack.js';
import { approveTask, documentExample, documentView, validateEvidence } from '../support/workflows.js';

interface Attachment {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  data: string;
}
interface Body {
  type: string;
  issuerCode: string;
  schoolYear: string;
  subject: Record<string, string>;
  content: Record<string, unknown> & { attachment: Attachment };
}
const SCHOOL = demoClient('school', 1);
const signing = { base: URLS.signing };
const example = (type: string, token: string, n: number) => documentExample<Body>(type, token, n);

/** The attachment fields of `pdf`, as a school's system declares them. */
const attachmentOf = (pdf: Buffer, fileName = 'tai-lieu.pdf'): Attachment => ({
  fileName, mediaType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), data: pdf.toString('base64'),
});

/**
 * Hóa đơn and hợp đồng end to end through the public APIs: an uploaded PDF plus metadata, signed by the authorised
 * signatory (the principal), sealed, archived, validated, and served back as a PDF a reader validates.
 */
describe('invoices and contracts (authorised signatory → seal)', () => {
  describe.each([
    { type: 'hoa-don', heading: 'HOA DON BAN HANG' },
    { type: 'hop-dong', heading: 'HOP DONG KINH TE' },
  ])('a $type', ({ type, heading }) => {
    it('is signed by the principal as authorised signatory, sealed, archived, and its PDF comes back exact and sealed', async () => {
      const school = await tokenFor(SCHOOL);
      const body = await example(type, school, 1);
      expect(body.subject).toEqual({});
      const principal = await signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL'));

      const res = await submit(school, body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      const id = res.body.id;
      const waiting = await pollUntil(() => documentView(id, school), (r) => r.body.status === 'signing', { what: `the ${type} waiting for its signatory` });
      expect(waiting.body.pendingStep).toEqual({ step: 1, role: 'authorised-signatory' });
      expect((await call<ErrorBody>('GET', `/v1/documents/${id}/pdf`, { token: school })).status).toBe(409);

      await approveTask(principal, id);
      const done = await pollUntil(() => documentView(id, school), (r) => r.body.status === 'archived', { what: `the ${type} archived`, timeoutMs: 90_000 });
      expect(done.body.signatures.map((s) => s.role)).toEqual(['authorised-signatory', 'institution-seal']);

      // The signed content carries the uploaded PDF byte for byte.
      const signed = JSON.parse((await call('GET', `/v1/documents/${id}/content`, { token: school })).bytes.toString('utf8')) as Body['content'];
      expect(signed.attachment).toEqual(body.content.attachment);
      const report = await validateEvidence(id, school);
      expect(report.indication, JSON.stringify(report).slice(0, 1500)).toBe('PASSED');
      expect(report.signatures.map((s) => [s.indication, s.level, s.workflowStep?.role])).toEqual([
        ['PASSED', 'B-LT', 'authorised-signatory'], ['PASSED', 'B-LT', 'institution-seal'],
      ]);

      const pdf = await call('GET', `/v1/documents/${id}/pdf`, { token: school });
      expect(pdf.status, pdf.bytes.toString().slice(0, 300)).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const sig = poppler('pdfsig', pdf.bytes);
      expect(sig.stdout).toContain('Signature is Valid.');
      expect(sig.stdout).toContain('ETSI.CAdES.detached');
      expect(extractText(pdf.bytes)).toContain(heading);
      expect((await call('GET', `/v1/documents/${id}/pdf`, { token: await tokenFor(demoClient('ministry')) })).bytes.equals(pdf.bytes)).toBe(true);
      expect((await documentView(id, await tokenFor(demoClient('school', 0)))).status).toBe(404);
    });
  });

  it('takes a contract whose PDF is megabytes (staged, not inline), seals that PDF, and validates its container', async () => {
    const school = await tokenFor(SCHOOL);
    const body = await example('hop-dong', school, 3);
    const doc = await PDFDocument.load(Buffer.from(body.content.attachment.data, 'base64'));
    await doc.attach(randomBytes(3 * 1024 * 1024), 'phu-luc.bin', { mimeType: 'application/octet-stream', description: 'Phụ lục' });
    const pdf = Buffer.from(await doc.save());
    expect(pdf.length).toBeGreaterThan(3 * 1024 * 1024);
    const res = await submit(school, { ...body, content: { ...body.content, attachment: attachmentOf(pdf, 'hop-dong-phu-luc.pdf') } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.id;

    await approveTask(await signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL')), id);
    await pollUntil(() => documentView(id, school), (r) => r.body.status === 'archived', { what: 'the contract archived', timeoutMs: 90_000 });
    const signed = JSON.parse((await call('GET', `/v1/documents/${id}/content`, { token: school })).bytes.toString('utf8')) as Body['content'];
    expect(Buffer.from(signed.attachment.data, 'base64').equals(pdf)).toBe(true);
    // Megabytes of container go to the validation service as they are, not as base64 in JSON.
    const evidence = await call('GET', `/v1/documents/${id}/evidence`, { token: school });
    expect(evidence.bytes.length).toBeGreaterThan(4 * 1024 * 1024);
    const report = await call<ValidationReport>('POST', '/v1/validations', {
      ...signing, raw: evidence.bytes, headers: { 'content-type': 'application/vnd.etsi.asic-s+zip' },
    });
    expect(report.body.indication, JSON.stringify(report.body).slice(0, 1500)).toBe('PASSED');
    const sealed = await call('GET', `/v1/documents/${id}/pdf`, { token: school });
    expect(sealed.status, sealed.bytes.toString().slice(0, 300)).toBe(200);
    expect(sealed.bytes.length).toBeGreaterThan(pdf.length);
    expect(poppler('pdfsig', sealed.bytes).stdout).toContain('Signature is Valid.');
  });

  it('refuses a PDF that is not what it is declared to be, or not a PDF, and content that breaks a rule', async () => {
    const school = await tokenFor(SCHOOL);
    const body = await example('hoa-don', school, 2);
    const pdf = Buffer.from(body.content.attachment.data, 'base64');
    const key = randomUUID();
    const refused = async (content: Record<string, unknown>, subject: unknown = {}) => {
      const res = await submit(school, { ...body, subject, content: { ...body.content, ...content } }, key);
      return { status: res.status, ...(res.body as unknown as ErrorBody) };
    };

    const tampered = Buffer.from(pdf);
    tampered[pdf.length - 20] ^= 1;
    expect(await refused({ attachment: { ...body.content.attachment, data: tampered.toString('base64') } }))
      .toMatchObject({ status: 400, code: 'INTERCHANGE.ATTACHMENT_INVALID', field: 'content.attachment.sha256' });
    const png = await refused({ attachment: attachmentOf(Buffer.from('\x89PNG\r\n\x1a\n not a pdf', 'latin1'), 'anh.pdf') });
    expect(png).toMatchObject({ status: 400, code: 'INTERCHANGE.ATTACHMENT_INVALID', field: 'content.attachment.data' });
    expect(png.message.vi).toContain('%PDF-');
    expect(await refused({ attachment: { ...body.content.attachment, data: `${body.content.attachment.data.slice(0, 10)}!${body.content.attachment.data.slice(11)}` } }))
      .toMatchObject({ status: 400, code: 'INTERCHANGE.ATTACHMENT_INVALID', field: 'content.attachment.data' });
    expect(await refused({ amounts: { beforeTax: 100_000, vat: 8_000, total: 100_000 } }))
      .toMatchObject({ status: 400, code: 'INTERCHANGE.RULE_VIOLATED', field: 'content.amounts.total' });
    expect(await refused({}, { studentId: '3100000103' })).toMatchObject({ status: 400, code: 'INTERCHANGE.SCHEMA_INVALID', field: 'subject.studentId' });
    // None of them was recorded: their Idempotency-Key is still free for the valid body.
    const accepted = await submit(school, body, key);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
  });
});
