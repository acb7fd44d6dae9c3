import { canonicalJson, sha256 } from '@edu/crypto';
import { PDFDocument, PDFHexString } from 'pdf-lib';
import { DEFAULT_FONT_DIR, embedFonts } from './fonts.js';
import type { HocBaContent } from '@edu/contracts';
import { drawClosing, drawFooters, drawHeader, drawSignatures, drawStudent } from './hoc-ba-sections.js';
import { PageFlow } from './page-flow.js';
import { PdfErrors } from './pdf-errors.js';
import { drawPrimaryResults } from './primary-sections.js';
import { drawSecondaryResults } from './secondary-sections.js';

export interface RenderOptions {
  /** Directory holding DejaVuSans.ttf and DejaVuSans-Bold.ttf. */
  fontDir?: string;
  /** Creation and modification date, and the date printed above the signatures; default now. */
  generatedAt?: Date;
}

/**
 * The human-readable học bạ: the official form's sections, laid out over as many A4 pages as the content needs.
 * The same content and `generatedAt` give the same bytes: dates, the document ID and the font subset tags all
 * derive from them.
 */
export async function renderHocBaPdf(content: HocBaContent, options: RenderOptions = {}): Promise<Buffer> {
  const generatedAt = options.generatedAt ?? new Date();
  if (Number.isNaN(generatedAt.getTime())) throw PdfErrors.dateInvalid('generatedAt');
  if (!['TIEU_HOC', 'THCS', 'THPT'].includes(content.level)) throw PdfErrors.levelUnsupported(String(content.level));

  const contentHash = sha256(canonicalJson(content));
  const doc = await PDFDocument.create({ updateMetadata: false });
  setMetadata(doc, content, contentHash, generatedAt);
  const flow = new PageFlow(doc, await embedFonts(doc, options.fontDir ?? DEFAULT_FONT_DIR, contentHash));

  drawHeader(flow, content);
  drawStudent(flow, content);
  if (content.level === 'TIEU_HOC') drawPrimaryResults(flow, content);
  else drawSecondaryResults(flow, content);
  drawClosing(flow, content);
  drawSignatures(flow, content, generatedAt);
  drawFooters(flow, content, contentHash.toString('hex'), generatedAt);
  return Buffer.from(await doc.save());
}

function setMetadata(doc: PDFDocument, content: HocBaContent, contentHash: Buffer, generatedAt: Date): void {
  const { student } = content;
  doc.setTitle(`Học bạ – ${student.fullName} – Lớp ${content.className} – Năm học ${content.schoolYear}`);
  doc.setAuthor(content.school.name);
  doc.setSubject('Học bạ điện tử');
  doc.setCreator('edu-interop @edu/pdf');
  doc.setProducer('pdf-lib');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(generatedAt);
  doc.setModificationDate(generatedAt);
  // ISO 32000 §14.4: the first half names the document (its content), the second this rendering of it.
  const rendering = sha256(Buffer.concat([contentHash, Buffer.from(generatedAt.toISOString())]));
  doc.context.trailerInfo.ID = doc.context.obj([
    PDFHexString.of(contentHash.subarray(0, 16).toString('hex')),
    PDFHexString.of(rendering.subarray(0, 16).toString('hex')),
  ]);
}
