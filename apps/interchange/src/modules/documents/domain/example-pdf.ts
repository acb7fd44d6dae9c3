import { sha256Hex } from '@edu/crypto';
import type { Attachment } from './administrative.schema.js';

/**
 * A one-page A4 PDF 1.4 showing `lines` in Helvetica, for examples and load tests: written out by hand (five objects,
 * the cross-reference table, the trailer) so that building an example stays synchronous. Helvetica's standard
 * encoding has no Vietnamese letters, so the text is shown without its diacritics; the metadata keeps them.
 */
export function examplePdf(lines: readonly string[]): Buffer {
  const text = lines.map((line, i) => `BT /F1 ${i === 0 ? 16 : 11} Tf 56 ${780 - 22 * i} Td (${pdfAscii(line)}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const offset = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** The attachment fields of a PDF, as a submission carries them. */
export function attachmentOf(fileName: string, pdf: Buffer): Attachment {
  return { fileName, mediaType: 'application/pdf', size: pdf.length, sha256: sha256Hex(pdf), data: pdf.toString('base64') };
}

/** Printable ASCII for a PDF literal string: diacritics dropped, đ as d, the string's delimiters escaped. */
function pdfAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '?')
    .replace(/[\\()]/g, (c) => `\\${c}`);
}
