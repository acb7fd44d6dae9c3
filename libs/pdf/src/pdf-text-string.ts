/**
 * The body of a PDF literal string holding `text`. @signpdf/placeholder-pdf-lib writes Reason, Name, Location and
 * ContactInfo with pdf-lib's PDFString, which copies each UTF-16 code unit as one byte and escapes nothing, so
 * Vietnamese text must arrive as UTF-16BE bytes behind a byte-order mark (ISO 32000 §7.9.2.2), already escaped.
 */
export function pdfLiteralText(text: string): string {
  const bytes = /^[\x20-\x7e]*$/.test(text)
    ? Buffer.from(text, 'latin1')
    : Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  return bytes.toString('latin1').replace(/[\\()\r]/g, (c) => (c === '\r' ? '\\r' : `\\${c}`));
}
