import { DomainError } from '@edu/errors';
import { randomBytes } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { attachmentOf, examplePdf } from '../domain/example-pdf.js';
import { checkAttachments } from './attachment-check.js';

const FIELD = 'content.attachment';
const declared = (pdf: Buffer) => {
  const { size, sha256, data } = attachmentOf('a.pdf', pdf);
  return { field: FIELD, size, sha256, data };
};

async function refusal(attachment: ReturnType<typeof declared>): Promise<DomainError> {
  const err: unknown = await checkAttachments([attachment]).then(() => null, (e: unknown) => e);
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  expect(err.code).toBe('INTERCHANGE.ATTACHMENT_INVALID');
  return err;
}

describe('checkAttachments', () => {
  const pdf = examplePdf(['HÓA ĐƠN', 'Số 1']);

  it('accepts a PDF that is what its fields declare', async () => {
    await expect(checkAttachments([declared(pdf)])).resolves.toBeUndefined();
    await expect(checkAttachments([])).resolves.toBeUndefined();
  });

  it('refuses data that is not padded base64', async () => {
    const { data } = declared(pdf);
    for (const bad of [`${data.slice(0, 8)}\n${data.slice(8)}`, `${data}A`, `${data.slice(0, 4)}*${data.slice(5)}`]) {
      expect((await refusal({ ...declared(pdf), data: bad })).field).toBe(`${FIELD}.data`);
    }
  });

  it('checks megabytes of base64 slice by slice, a stray character anywhere refused', async () => {
    const doc = await PDFDocument.load(pdf);
    await doc.attach(randomBytes(2 * 1024 * 1024), 'annex.bin', { mimeType: 'application/octet-stream' });
    const big = declared(Buffer.from(await doc.save()));
    await expect(checkAttachments([big])).resolves.toBeUndefined();
    const middle = Math.floor(big.data.length / 2);
    const stray = `${big.data.slice(0, middle)}${big.data[middle] === 'A' ? 'B' : 'A'}${big.data.slice(middle + 1)}`;
    expect((await refusal({ ...big, data: stray })).field).toBe(`${FIELD}.sha256`);
    expect((await refusal({ ...big, data: `${big.data.slice(0, middle)}!${big.data.slice(middle + 1)}` })).field).toBe(`${FIELD}.data`);
  });

  it('refuses a file whose size or SHA-256 is not the one declared', async () => {
    expect((await refusal({ ...declared(pdf), size: pdf.length + 1 })).field).toBe(`${FIELD}.size`);
    const err = await refusal({ ...declared(pdf), sha256: '0'.repeat(64) });
    expect(err.field).toBe(`${FIELD}.sha256`);
    expect(err.text).toEqual({
      vi: `Tệp đính kèm không hợp lệ (${FIELD}.sha256): SHA-256 của tệp khác giá trị khai báo`,
      en: `Invalid attachment (${FIELD}.sha256): the file’s SHA-256 differs from the one declared`,
    });
  });

  it('refuses what is not a PDF the platform can seal, saying why', async () => {
    const notPdf = await refusal(declared(Buffer.from('GIF89a not a pdf')));
    expect([notPdf.field, notPdf.text.en]).toEqual([`${FIELD}.data`, `Invalid attachment (${FIELD}.data): the file does not start with a %PDF- header`]);
    const encrypted = Buffer.from(pdf.toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R /Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>'), 'latin1');
    expect((await refusal(declared(encrypted))).text.vi).toContain('PDF được mã hóa');
    const truncated = await refusal(declared(pdf.subarray(0, 60)));
    expect(truncated.text.en).toContain('its PDF structure cannot be read');
  });
});
