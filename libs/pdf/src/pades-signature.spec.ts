import { DomainError } from '@edu/errors';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PLACEHOLDER_BYTES,
  embedPdfSignature,
  preparePdfForSigning,
  signPdf,
  type PdfSigningOptions,
} from './pades-signature.js';
import { renderHocBaPdf } from './render-hoc-ba.js';
import { primaryExample, secondaryExample } from './testing/hoc-ba-fixtures.js';
import { OpensslPki, SIGNER_NAME } from './testing/openssl-pki.js';
import { extractText, poppler } from './testing/poppler.js';

/** DER of 1.2.840.113549.1.9.16.2.14, id-aa-signatureTimeStampToken. */
const SIGNATURE_TIME_STAMP_TOKEN_OID = Buffer.from('060b2a864886f70d010910020e', 'hex');

const options: PdfSigningOptions = {
  reason: 'Đóng dấu học bạ điện tử (bản chính)',
  location: 'Hải Phòng',
  signerName: SIGNER_NAME,
  contactInfo: 'vanthu@lequydon.edu.vn (ext. 2) \\ office',
  signingTime: new Date('2026-05-25T03:05:00Z'),
};

function validation(pdf: Buffer): string {
  const run = poppler('pdfsig', pdf);
  return /Signature Validation: (.*)/.exec(run.stdout)?.[1] ?? `no signature: ${run.stdout}${run.stderr}`;
}

function expectDomainError(action: () => unknown, code: string): DomainError {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DomainError);
  expect(caught).toMatchObject({ code });
  return caught as DomainError;
}

async function signatureDictionary(pdf: Buffer): Promise<PDFDict> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const field = doc.getForm().getSignature('Signature1');
  return field.acroField.dict.lookup(PDFName.of('V'), PDFDict);
}

const text = (dict: PDFDict, key: string) => dict.lookup(PDFName.of(key), PDFString, PDFHexString).decodeText();

describe('PAdES signing of a học bạ PDF', () => {
  let pki: OpensslPki;
  let pdf: Buffer;
  beforeAll(async () => {
    pki = OpensslPki.create();
    pdf = await renderHocBaPdf(secondaryExample(), { generatedAt: new Date('2026-05-25T03:00:00Z') });
  });
  afterAll(() => pki.dispose());

  it('gives a PDF that pdfsig finds valid, signed as a whole by the seal, as ETSI.CAdES.detached', async () => {
    const signed = await signPdf(pdf, options, async (bytes) => pki.signCms(bytes));
    const report = poppler('pdfsig', signed).stdout;
    expect(report).toContain('Signature Validation: Signature is Valid.');
    expect(report).toContain(`Signer Certificate Common Name: ${SIGNER_NAME}`);
    expect(report).toContain('Signature Type: ETSI.CAdES.detached');
    expect(report).toContain('Total document signed');
    // The test CA is not in any NSS store, so pdfsig cannot trust the chain.
    expect(report).toContain("Certificate Validation: Certificate issuer isn't Trusted.");
    expect(extractText(signed)).toContain('Họ và tên: Đặng Thảo Vy');
  });

  it('excludes exactly the /Contents hex string from the ByteRange, and signs everything else', async () => {
    const prepared = await preparePdfForSigning(pdf, options);
    const [zero, start, end, tail] = prepared.byteRange;
    expect(zero).toBe(0);
    expect(end + tail).toBe(prepared.pdf.length);
    const hole = prepared.pdf.subarray(start, end).toString('latin1');
    expect(hole).toMatch(/^<0+>$/);
    expect(hole.length).toBe(2 * DEFAULT_PLACEHOLDER_BYTES + 2);
    expect(prepared.pdf.subarray(start - 10, start).toString('latin1')).toContain('/Contents ');
    expect(prepared.signedBytes.equals(Buffer.concat([prepared.pdf.subarray(0, start), prepared.pdf.subarray(end)]))).toBe(true);
    expect(prepared.pdf.toString('latin1')).toMatch(new RegExp(`/ByteRange \\[0 ${start} ${end} ${tail}\\] *\\n`));

    const signed = embedPdfSignature(prepared, pki.signCms(prepared.signedBytes));
    expect(signed.length).toBe(prepared.pdf.length);
    expect(Buffer.concat([signed.subarray(0, start), signed.subarray(end)]).equals(prepared.signedBytes)).toBe(true);
    expect(poppler('pdfsig', signed).stdout).toContain(`Signed Ranges: [0 - ${start}], [${end} - ${end + tail}]`);
  });

  it('writes the signing time to /M and Vietnamese text fields that read back intact', async () => {
    const signed = await signPdf(pdf, options, async (bytes) => pki.signCms(bytes));
    const dict = await signatureDictionary(signed);
    expect(dict.lookup(PDFName.of('SubFilter'))).toBe(PDFName.of('ETSI.CAdES.detached'));
    expect(text(dict, 'M')).toBe('D:20260525030500Z');
    expect(text(dict, 'Name')).toBe(SIGNER_NAME);
    expect(text(dict, 'Reason')).toBe(options.reason);
    expect(text(dict, 'Location')).toBe('Hải Phòng');
    expect(text(dict, 'ContactInfo')).toBe(options.contactInfo);
  });

  it('is invalid once one byte inside the signed ranges changes', async () => {
    const signed = await signPdf(pdf, options, async (bytes) => pki.signCms(bytes));
    expect(validation(signed)).toBe('Signature is Valid.');
    const tampered = Buffer.from(signed);
    const at = tampered.indexOf('(D:20260525030500Z)') + 4;
    tampered[at] = '3'.charCodeAt(0); // 2026 → 2036, still a well-formed date
    expect(validation(tampered)).toBe('Digest Mismatch.');
  });

  it('holds a CAdES B-T signature with its RFC 3161 time-stamp token', async () => {
    let cms: Buffer | undefined;
    const signed = await signPdf(pdf, options, async (bytes) => (cms = pki.signCmsWithTimestamp(bytes)));
    expect(cms?.includes(SIGNATURE_TIME_STAMP_TOKEN_OID)).toBe(true);
    expect(validation(signed)).toBe('Signature is Valid.');
  });

  it('signs a tiểu học record too', async () => {
    const primary = await renderHocBaPdf(primaryExample(), { generatedAt: new Date('2026-05-25T03:00:00Z') });
    expect(validation(await signPdf(primary, options, async (bytes) => pki.signCms(bytes)))).toBe('Signature is Valid.');
  });

  it('prepares the same bytes for the same PDF and options', async () => {
    const first = await preparePdfForSigning(pdf, options);
    const second = await preparePdfForSigning(pdf, options);
    expect(second.pdf.equals(first.pdf)).toBe(true);
  });

  it('refuses a CMS larger than the placeholder with a clear error', async () => {
    const prepared = await preparePdfForSigning(pdf, { ...options, placeholderBytes: 1024 });
    const cms = pki.signCms(prepared.signedBytes);
    expect(cms.length).toBeGreaterThan(1024);
    const error = expectDomainError(() => embedPdfSignature(prepared, cms), 'PDF.SIGNATURE_TOO_LARGE');
    expect(error.message).toContain(`(${cms.length} bytes) does not fit the PDF's placeholder (1024 bytes)`);
    expect(error.field).toBe('cmsDer');
  });

  it('refuses bad input: not a PDF, an already signed PDF, a placeholder out of range, a non-DER signature', async () => {
    await expect(preparePdfForSigning(Buffer.from('not a pdf'), options)).rejects.toMatchObject({ code: 'PDF.INVALID' });
    const signed = await signPdf(pdf, options, async (bytes) => pki.signCms(bytes));
    await expect(preparePdfForSigning(signed, options)).rejects.toMatchObject({ code: 'PDF.ALREADY_SIGNED' });
    await expect(preparePdfForSigning(pdf, { ...options, placeholderBytes: 10 })).rejects.toMatchObject({
      code: 'PDF.PLACEHOLDER_SIZE_INVALID',
    });
    await expect(preparePdfForSigning(pdf, { ...options, signingTime: new Date(Number.NaN) })).rejects.toMatchObject({
      code: 'PDF.DATE_INVALID',
    });
    const prepared = await preparePdfForSigning(pdf, options);
    expectDomainError(() => embedPdfSignature(prepared, Buffer.from('not der')), 'PDF.SIGNATURE_MALFORMED');
    const shifted = { ...prepared, byteRange: [0, prepared.byteRange[1] + 1, prepared.byteRange[2], prepared.byteRange[3]] };
    expectDomainError(() => embedPdfSignature(shifted, pki.signCms(prepared.signedBytes)), 'PDF.NOT_PREPARED');
  });
});
