import { findByteRange } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';

/** Why an uploaded file cannot be kept and sealed as a PDF. */
export type PdfProblem = 'not-pdf' | 'unreadable' | 'encrypted' | 'signed' | 'no-pages';

export type PdfInspection = { ok: true; pages: number; version: string } | { ok: false; problem: PdfProblem };

const HEADER = /^%PDF-(\d\.\d)/;

/**
 * Whether `bytes` is a PDF the platform can archive and later seal: the header at the very start (as PDF/A wants),
 * a document pdf-lib reads whole, no encryption (a reader could not open it decades on without the password), at
 * least one page, and no signature yet (sealing rewrites the file, which would break it). Parsing costs about
 * 10 ms per MB on the calling thread.
 */
export async function inspectPdf(bytes: Buffer): Promise<PdfInspection> {
  const version = HEADER.exec(bytes.subarray(0, 16).toString('latin1'))?.[1];
  if (!version) return { ok: false, problem: 'not-pdf' };
  if (findByteRange(bytes).byteRangeStrings.length > 0) return { ok: false, problem: 'signed' };
  let doc: PDFDocument;
  let pages: number;
  try {
    // pdf-lib's own EncryptedPDFError is an ES5 class that `instanceof` does not recognise: read the flag instead.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    pages = doc.getPageCount();
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  if (doc.isEncrypted) return { ok: false, problem: 'encrypted' };
  return pages > 0 ? { ok: true, pages, version } : { ok: false, problem: 'no-pages' };
}
