import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { findByteRange, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { PdfErrors } from './pdf-errors.js';
import { pdfLiteralText } from './pdf-text-string.js';

export interface PdfSigningOptions {
  reason: string;
  location?: string;
  signerName: string;
  contactInfo?: string;
  /** Written to the signature dictionary's /M: a PAdES CMS carries no signing-time attribute. */
  signingTime: Date;
  /** Room for the DER CMS; the default holds a B-LT signature with its chain, OCSP answers and a time-stamp. */
  placeholderBytes?: number;
}

export interface PreparedPdf {
  pdf: Buffer;
  /** [0, start of /Contents, end of /Contents, bytes after it]: everything but the hex signature. */
  byteRange: number[];
  /** The bytes the CMS signs: both ranges, concatenated. */
  signedBytes: Buffer;
}

export const DEFAULT_PLACEHOLDER_BYTES = 24 * 1024;
const MIN_PLACEHOLDER_BYTES = 1024;
const MAX_PLACEHOLDER_BYTES = 1024 * 1024;

/**
 * Adds an invisible signature field whose /Contents is a zero-filled hole, fixes the /ByteRange around it and
 * returns the bytes to sign. The file is rewritten whole (pdf-lib has no incremental save), so a PDF that is
 * already signed is refused: it can carry one signature, e.g. the institution's seal.
 */
export async function preparePdfForSigning(pdf: Buffer, options: PdfSigningOptions): Promise<PreparedPdf> {
  const capacity = options.placeholderBytes ?? DEFAULT_PLACEHOLDER_BYTES;
  if (!Number.isInteger(capacity) || capacity < MIN_PLACEHOLDER_BYTES || capacity > MAX_PLACEHOLDER_BYTES) {
    throw PdfErrors.placeholderSizeInvalid(capacity);
  }
  if (Number.isNaN(options.signingTime.getTime())) throw PdfErrors.dateInvalid('signingTime');
  if (findByteRange(pdf).byteRangeStrings.length > 0) throw PdfErrors.alreadySigned();

  const doc = await loadPdf(pdf);
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: pdfLiteralText(options.reason),
    name: pdfLiteralText(options.signerName),
    location: pdfLiteralText(options.location ?? ''),
    contactInfo: pdfLiteralText(options.contactInfo ?? ''),
    signingTime: options.signingTime,
    signatureLength: capacity * 2,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
  });
  const out = Buffer.from(await doc.save());
  return fixByteRange(out);
}

async function loadPdf(pdf: Buffer): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw PdfErrors.pdfInvalid();
  }
}

/** Replaces the placeholder's /ByteRange with the real offsets, padded to the same length so nothing moves. */
function fixByteRange(pdf: Buffer): PreparedPdf {
  const { byteRangePlaceholder, byteRangePlaceholderPosition } = findByteRange(pdf);
  if (byteRangePlaceholder === undefined || byteRangePlaceholderPosition === undefined) throw PdfErrors.notPrepared();
  const contentsTag = pdf.indexOf('/Contents ', byteRangePlaceholderPosition + byteRangePlaceholder.length);
  const start = pdf.indexOf('<', contentsTag);
  const end = pdf.indexOf('>', start) + 1;
  const byteRange = [0, start, end, pdf.length - end];
  const actual = `/ByteRange [${byteRange.join(' ')}]`;
  pdf.write(actual.padEnd(byteRangePlaceholder.length, ' '), byteRangePlaceholderPosition, 'latin1');
  // The placeholder holds NUL characters; hex zeros keep the unsigned file a well-formed PDF.
  pdf.fill('0', start + 1, end - 1);
  return { pdf, byteRange, signedBytes: Buffer.concat([pdf.subarray(0, start), pdf.subarray(end)]) };
}

/** Writes the DER CMS as hex into the prepared /Contents; the rest of the hole stays zero. */
export function embedPdfSignature(prepared: PreparedPdf, cmsDer: Buffer): Buffer {
  const [first, start, end, tail] = prepared.byteRange;
  const { pdf } = prepared;
  const wellFormed =
    first === 0 && start > 0 && end > start + 2 && end + tail === pdf.length && pdf[start] === 0x3c && pdf[end - 1] === 0x3e;
  if (!wellFormed) throw PdfErrors.notPrepared();
  if (cmsDer.length < 2 || cmsDer[0] !== 0x30) throw PdfErrors.signatureMalformed();
  const capacity = (end - start - 2) / 2;
  if (cmsDer.length > capacity) throw PdfErrors.signatureTooLarge(cmsDer.length, capacity);
  const signed = Buffer.from(pdf);
  signed.write(cmsDer.toString('hex'), start + 1, 'latin1');
  return signed;
}

/** Prepares, lets `sign` make a detached CMS over the signed bytes, and embeds it. */
export async function signPdf(
  pdf: Buffer,
  options: PdfSigningOptions,
  sign: (signedBytes: Buffer) => Promise<Buffer>,
): Promise<Buffer> {
  const prepared = await preparePdfForSigning(pdf, options);
  return embedPdfSignature(prepared, await sign(prepared.signedBytes));
}
