import { DomainError } from '@edu/errors';

/** Errors of the interchange context. Codes are stable: schools' systems switch on them. */
export const InterchangeErrors = {
  idempotencyKeyRequired: () =>
    new DomainError('INTERCHANGE.IDEMPOTENCY_KEY_REQUIRED', 'invalid', {
      vi: 'Thiếu hoặc sai tiêu đề Idempotency-Key (1–128 ký tự chữ, số, - _ . :)',
      en: 'Missing or malformed Idempotency-Key header (1–128 letters, digits, - _ . :)',
    }, 'Idempotency-Key'),
  idempotencyConflict: () =>
    new DomainError('INTERCHANGE.IDEMPOTENCY_CONFLICT', 'conflict', {
      vi: 'Idempotency-Key này đã được dùng cho một nội dung khác',
      en: 'This Idempotency-Key was already used with a different body',
    }, 'Idempotency-Key'),
  invalidField: (field: string, en: string, vi: string) =>
    new DomainError('INTERCHANGE.SCHEMA_INVALID', 'invalid', { vi, en }, field),
  unknownType: (type: string) =>
    new DomainError('INTERCHANGE.UNKNOWN_TYPE', 'invalid', {
      vi: `Loại tài liệu không được hỗ trợ: ${type}`,
      en: `Unsupported document type: ${type}`,
    }, 'type'),
  unknownSchool: (code: string) =>
    new DomainError('INTERCHANGE.UNKNOWN_SCHOOL', 'unprocessable', {
      vi: `Không có trường mã ${code} đang hoạt động`,
      en: `No active school with code ${code}`,
    }, 'issuerCode'),
  issuerClosed: (code: string) =>
    new DomainError('INTERCHANGE.ISSUER_CLOSED', 'unprocessable', {
      vi: `Đơn vị ${code} đã đóng, không được gửi hồ sơ mới`,
      en: `Organisation ${code} is closed and may not submit new records`,
    }, 'issuerCode'),
  issuerMerged: (code: string, into: string | null) =>
    new DomainError('INTERCHANGE.ISSUER_MERGED', 'unprocessable', {
      vi: `Đơn vị ${code} đã sáp nhập vào ${into}; hãy gửi hồ sơ với tư cách đơn vị ${into}`,
      en: `Organisation ${code} was merged into ${into}; submit as ${into}`,
    }, 'issuerCode'),
  unknownStudent: (studentId: string, year: string, field = 'subject.studentId', className?: string) =>
    new DomainError('INTERCHANGE.UNKNOWN_STUDENT', 'unprocessable', className
      ? { vi: `Học sinh ${studentId} không học lớp ${className} trong năm học ${year}`, en: `Student ${studentId} is not in class ${className} in ${year}` }
      : { vi: `Học sinh ${studentId} không học tại trường trong năm học ${year}`, en: `Student ${studentId} is not enrolled at this school in ${year}` },
    field),
  unknownClass: (className: string, year: string) =>
    new DomainError('INTERCHANGE.UNKNOWN_CLASS', 'unprocessable', {
      vi: `Trường không có lớp ${className} trong năm học ${year}`,
      en: `The school has no class ${className} in ${year}`,
    }, 'subject.className'),
  documentNotFound: () =>
    new DomainError('INTERCHANGE.DOCUMENT_NOT_FOUND', 'not-found', {
      vi: 'Không tìm thấy tài liệu',
      en: 'Document not found',
    }, 'id'),
  signatureNotFound: () =>
    new DomainError('INTERCHANGE.SIGNATURE_NOT_FOUND', 'not-found', {
      vi: 'Không có chữ ký thứ tự này',
      en: 'No signature with this number',
    }, 'n'),
  notSignedYet: () =>
    new DomainError('INTERCHANGE.NOT_SIGNED_YET', 'conflict', {
      vi: 'Tài liệu chưa được ký đủ nên chưa có bản PDF',
      en: 'The document is not fully signed yet, so it has no PDF',
    }, 'id'),
  noPdf: (type: string) =>
    new DomainError('INTERCHANGE.NO_PDF_FOR_TYPE', 'not-found', {
      vi: `Loại tài liệu ${type} không có bản PDF; chỉ học bạ, hóa đơn và hợp đồng có`,
      en: `Documents of type ${type} have no PDF rendition; only the học bạ, invoices and contracts have one`,
    }, 'id'),
  /** An attached file that is not what its fields declare, or not a PDF the platform can keep and seal. */
  attachmentInvalid: (field: string, problem: { vi: string; en: string }) =>
    new DomainError('INTERCHANGE.ATTACHMENT_INVALID', 'invalid', {
      vi: `Tệp đính kèm không hợp lệ (${field}): ${problem.vi}`,
      en: `Invalid attachment (${field}): ${problem.en}`,
    }, field),
  renditionUnavailable: () =>
    new DomainError('INTERCHANGE.RENDITION_UNAVAILABLE', 'unavailable', {
      vi: 'Chưa tạo được bản PDF, vui lòng thử lại sau',
      en: 'The PDF could not be produced right now; please retry later',
    }, 'id'),
  signaturesUnavailable: () =>
    new DomainError('INTERCHANGE.SIGNATURES_UNAVAILABLE', 'unavailable', {
      vi: 'Chưa lấy được chữ ký từ dịch vụ ký, vui lòng thử lại sau',
      en: 'The signature could not be fetched from the signing service right now; please retry later',
    }, 'n'),
  notArchivedYet: () =>
    new DomainError('INTERCHANGE.NOT_ARCHIVED_YET', 'not-found', {
      vi: 'Tài liệu chưa được lưu trữ',
      en: 'The document is not archived yet',
    }, 'id'),
  exampleNeedsSchool: () =>
    new DomainError('INTERCHANGE.EXAMPLE_NEEDS_SCHOOL', 'unprocessable', {
      vi: 'Chỉ tài khoản của trường có học sinh mới lấy được mẫu',
      en: 'Only a school with enrolled students can get an example',
    }, 'authorization'),
};
