export { renderHocBaPdf, type RenderOptions } from './render-hoc-ba.js';
export { DEFAULT_FONT_DIR } from './fonts.js';
export {
  preparePdfForSigning,
  embedPdfSignature,
  signPdf,
  DEFAULT_PLACEHOLDER_BYTES,
  type PdfSigningOptions,
  type PreparedPdf,
} from './pades-signature.js';
export { PdfErrors } from './pdf-errors.js';
