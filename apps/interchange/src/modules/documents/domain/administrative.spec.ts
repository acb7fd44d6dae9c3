import { inspectPdf } from '@edu/pdf/inspect';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Expectations } from './document-type.interface.js';
import type { ContractContent, InvoiceContent } from './administrative.schema.js';
import { HOA_DON, HOP_DONG } from './administrative.type.js';
import { DOCUMENT_TYPES } from './document-types.js';
import type { AdministrativeRule } from './administrative.validator.js';
import { exampleContext, ruleViolation, schemaErrorExpectation } from './example-context.fixture.js';

const EXPECTED: Expectations = { schoolYear: '2025-2026', subject: {} };
const invoice = () => HOA_DON.buildExample(exampleContext('THCS', 8)).content as InvoiceContent;
const contract = () => HOP_DONG.buildExample(exampleContext('TIEU_HOC', 3)).content as ContractContent;
const invoiceSchemaError = schemaErrorExpectation(HOA_DON, EXPECTED, { vi: 'Hóa đơn', en: 'Invoice' });
const contractSchemaError = schemaErrorExpectation(HOP_DONG, EXPECTED, { vi: 'Hợp đồng', en: 'Contract' });

function expectRule(type: typeof HOA_DON, content: unknown, rule: AdministrativeRule, field: string, expected = EXPECTED) {
  const err = ruleViolation(() => type.validate(content, 'content', expected));
  expect([err.rule, err.field]).toEqual([rule, field]);
  expect(err.text.vi).toContain(`Vi phạm quy tắc ${rule} – `);
  expect(err.text.en).toContain(`Rule ${rule} (`);
  return err;
}

describe('HOA_DON and HOP_DONG', () => {
  it('are registered last, about the document itself, signed by the authorised signatory then sealed', () => {
    expect([DOCUMENT_TYPES['hoa-don'], DOCUMENT_TYPES['hop-dong']]).toEqual([HOA_DON, HOP_DONG]);
    for (const type of [HOA_DON, HOP_DONG]) {
      expect([type.onePer, type.subjectKind, type.signers, type.hasPdf]).toEqual(['document', 'document', ['authorised-signatory', 'institution-seal'], true]);
    }
    expect([HOA_DON.title, HOP_DONG.title]).toEqual([{ vi: 'Hóa đơn điện tử', en: 'E-invoice' }, { vi: 'Hợp đồng điện tử', en: 'E-contract' }]);
  });
});

describe('administrative examples', () => {
  it.each([
    ['hoa-don', HOA_DON],
    ['hop-dong', HOP_DONG],
  ] as const)('%s passes validation, about no student, with a PDF the platform can seal', async (_name, type) => {
    const { subject, content } = type.buildExample(exampleContext('THPT', 11));
    expect(subject).toEqual({});
    expect(() => type.validate(content, 'content', EXPECTED)).not.toThrow();
    const { attachment } = content as InvoiceContent;
    const pdf = Buffer.from(attachment.data, 'base64');
    expect([pdf.length, createHash('sha256').update(pdf).digest('hex')]).toEqual([attachment.size, attachment.sha256]);
    expect(await inspectPdf(pdf)).toEqual({ ok: true, pages: 1, version: '1.4' });
    expect(type.attachments?.(content, 'content')).toEqual([{ field: 'content.attachment', size: attachment.size, sha256: attachment.sha256, data: attachment.data }]);
  });

  it('numbers an invoice by form, series and number, and a contract by its number, stably', () => {
    const c = invoice();
    expect([c.form, c.series, c.number, c.issuedOn]).toEqual(['2', 'C25TAA', '104', '2025-10-15']);
    expect(HOA_DON.recordKey(c)).toBe('2|C25TAA|104');
    expect(c).toEqual(invoice());
    expect(HOP_DONG.recordKey(contract())).toBe('000103/2025/HĐ-31000201');
    expect(contract().signer).toEqual({ name: 'Vũ Quang Minh', title: 'Hiệu trưởng' });
  });
});

describe('administrative schemas', () => {
  it('name the field at fault', () => {
    invoiceSchemaError({ ...invoice(), series: 'C25TA' }, 'content.series');
    invoiceSchemaError({ ...invoice(), number: '0012' }, 'content.number');
    invoiceSchemaError({ ...invoice(), currency: 'USD' }, 'content.currency');
    invoiceSchemaError({ ...invoice(), amounts: { ...invoice().amounts, vat: -1 } }, 'content.amounts.vat');
    invoiceSchemaError({ ...invoice(), buyer: { name: 'A', taxCode: '12345' } }, 'content.buyer.taxCode');
    invoiceSchemaError({ ...invoice(), attachment: { ...invoice().attachment, mediaType: 'image/png' } }, 'content.attachment.mediaType');
    invoiceSchemaError({ ...invoice(), attachment: { ...invoice().attachment, fileName: '../a.pdf' } }, 'content.attachment.fileName');
    invoiceSchemaError({ ...invoice(), attachment: { ...invoice().attachment, size: 8 * 1024 * 1024 + 1 } }, 'content.attachment.size');
    const { attachment: _omitted, ...noFile } = contract();
    expect(contractSchemaError(noFile, 'content.attachment').text.vi).toContain('thiếu trường bắt buộc');
    contractSchemaError({ ...contract(), effectiveTo: '2026-02-30' }, 'content.effectiveTo');
    contractSchemaError({ ...contract(), signer: { name: 'Vũ Quang Minh', title: 'Kế toán' } }, 'content.signer.title');
  });
});

describe('administrative rules', () => {
  it('SCHOOL_YEAR: the envelope’s', () => {
    expectRule(HOA_DON, invoice(), 'SCHOOL_YEAR', 'content.schoolYear', { schoolYear: '2024-2025', subject: {} });
  });

  it('FILED_IN_SCHOOL_YEAR: dated 1 September to 31 August of the year', () => {
    expect(expectRule(HOA_DON, { ...invoice(), issuedOn: '2026-09-01', series: 'C26TAA' }, 'FILED_IN_SCHOOL_YEAR', 'content.issuedOn').text.en)
      .toContain('2026-09-01 falls outside school year 2025-2026 (2025-09-01 to 2026-08-31)');
    expect(() => HOA_DON.validate({ ...invoice(), issuedOn: '2026-08-31', series: 'C26TAA' }, 'content', EXPECTED)).not.toThrow();
    expectRule(HOP_DONG, { ...contract(), signedOn: '2025-08-31' }, 'FILED_IN_SCHOOL_YEAR', 'content.signedOn');
  });

  it('INVOICE_SERIES_YEAR: the series names the year the invoice is made out in', () => {
    expect(expectRule(HOA_DON, { ...invoice(), issuedOn: '2026-01-05' }, 'INVOICE_SERIES_YEAR', 'content.series').text.vi)
      .toContain('ký hiệu C25TAA mang năm 25, hóa đơn lập ngày 2026-01-05');
  });

  it('INVOICE_TOTAL: the amount before tax plus VAT', () => {
    expectRule(HOA_DON, { ...invoice(), amounts: { beforeTax: 1000, vat: 80, total: 1000 } }, 'INVOICE_TOTAL', 'content.amounts.total');
    expect(() => HOA_DON.validate({ ...invoice(), amounts: { beforeTax: 1000, vat: 80, total: 1080 } }, 'content', EXPECTED)).not.toThrow();
  });

  it('CONTRACT_TERM: it does not end before it takes effect', () => {
    expectRule(HOP_DONG, { ...contract(), effectiveTo: '2025-09-04' }, 'CONTRACT_TERM', 'content.effectiveTo');
    const { effectiveTo: _open, ...openEnded } = contract();
    expect(() => HOP_DONG.validate(openEnded, 'content', EXPECTED)).not.toThrow();
  });
});
