import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { inspectPdf } from './inspect.js';
import { signPdf } from './pades-signature.js';

async function onePage(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage().drawText('Hoa don ban hang');
  // A classic trailer (no cross-reference stream), which the encrypted case below edits.
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('inspectPdf', () => {
  it('reads a PDF: its version and pages', async () => {
    expect(await inspectPdf(await onePage())).toEqual({ ok: true, pages: 1, version: '1.7' });
  });

  it('refuses a file without the header at its start', async () => {
    const pdf = await onePage();
    expect(await inspectPdf(Buffer.concat([Buffer.from('\n'), pdf]))).toEqual({ ok: false, problem: 'not-pdf' });
    expect(await inspectPdf(Buffer.from('PK\u0003\u0004 a zip'))).toEqual({ ok: false, problem: 'not-pdf' });
  });

  it('refuses a header over bytes that are no PDF', async () => {
    expect(await inspectPdf(Buffer.from('%PDF-1.7\nthis is not a document\n'))).toEqual({ ok: false, problem: 'unreadable' });
  });

  it('refuses an encrypted PDF', async () => {
    const pdf = (await onePage()).toString('latin1');
    const encrypted = pdf.replace(/trailer\s*<<\s*\/Size (\d+)/, (m) => `${m}\n/Encrypt << /Filter /Standard /V 1 /R 2 /O <00> /U <00> /P -4 >>`);
    expect(encrypted).not.toBe(pdf);
    expect(await inspectPdf(Buffer.from(encrypted, 'latin1'))).toEqual({ ok: false, problem: 'encrypted' });
  });

  it('refuses a PDF that is already signed, which sealing would break', async () => {
    const signed = await signPdf(await onePage(), { reason: 'test', signerName: 'test', signingTime: new Date() }, () => Promise.resolve(Buffer.from([0x30, 0x03, 0x02, 0x01, 0x00])));
    expect(await inspectPdf(signed)).toEqual({ ok: false, problem: 'signed' });
  });

  it('refuses a PDF without pages', async () => {
    const empty = Buffer.from(await (await PDFDocument.create()).save({ addDefaultPage: false }));
    expect(await inspectPdf(empty)).toEqual({ ok: false, problem: 'no-pages' });
  });
});
