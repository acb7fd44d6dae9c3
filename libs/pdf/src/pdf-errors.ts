import { DomainError } from '@edu/errors';

/** Errors of PDF rendering and signing. Codes are stable: never rename one. */
export const PdfErrors = {
  fontMissing: (path: string) =>
    new DomainError('PDF.FONT_MISSING', 'unavailable', {
      vi: `Không đọc được phông chữ ${path} (thiếu tệp hoặc tệp hỏng); cần cài gói fonts-dejavu-core hoặc đặt tuỳ chọn fontDir`,
      en: `Cannot read the font ${path} (missing or not a font); install fonts-dejavu-core or set the fontDir option`,
    }, 'fontDir'),
  levelUnsupported: (level: string) =>
    new DomainError('PDF.LEVEL_UNSUPPORTED', 'invalid', {
      vi: `Không có mẫu học bạ cho cấp học ${level}`,
      en: `No học bạ layout for level ${level}`,
    }, 'content.level'),
  dateInvalid: (field: string) =>
    new DomainError('PDF.DATE_INVALID', 'invalid', {
      vi: `Thời điểm ${field} không hợp lệ`,
      en: `${field} is not a valid date`,
    }, field),
  pdfInvalid: () =>
    new DomainError('PDF.INVALID', 'invalid', {
      vi: 'Tệp không phải PDF đọc được',
      en: 'The file is not a readable PDF',
    }, 'pdf'),
  alreadySigned: () =>
    new DomainError('PDF.ALREADY_SIGNED', 'unprocessable', {
      vi: 'PDF đã có chữ ký; ghi lại tệp sẽ làm hỏng chữ ký cũ',
      en: 'The PDF is already signed; rewriting it would break that signature',
    }, 'pdf'),
  placeholderSizeInvalid: (bytes: number) =>
    new DomainError('PDF.PLACEHOLDER_SIZE_INVALID', 'invalid', {
      vi: `Kích thước chỗ dành cho chữ ký (${bytes} byte) phải là số nguyên từ 1 KiB đến 1 MiB`,
      en: `The signature placeholder size (${bytes} bytes) must be a whole number from 1 KiB to 1 MiB`,
    }, 'placeholderBytes'),
  notPrepared: () =>
    new DomainError('PDF.NOT_PREPARED', 'invalid', {
      vi: 'PDF chưa được chuẩn bị để ký hoặc ByteRange không khớp',
      en: 'The PDF was not prepared for signing or its ByteRange does not match',
    }, 'prepared'),
  signatureMalformed: () =>
    new DomainError('PDF.SIGNATURE_MALFORMED', 'invalid', {
      vi: 'Chữ ký không phải một CMS DER',
      en: 'The signature is not a DER-encoded CMS',
    }, 'cmsDer'),
  signatureTooLarge: (size: number, capacity: number) =>
    new DomainError('PDF.SIGNATURE_TOO_LARGE', 'unprocessable', {
      vi: `Chữ ký CMS (${size} byte) lớn hơn chỗ dành sẵn trong PDF (${capacity} byte); cần tăng placeholderBytes`,
      en: `The CMS signature (${size} bytes) does not fit the PDF's placeholder (${capacity} bytes); raise placeholderBytes`,
    }, 'cmsDer'),
};
