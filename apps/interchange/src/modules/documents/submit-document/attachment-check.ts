import { decodeBase64, sha256Hex } from '@edu/crypto';
import type { PdfProblem } from '@edu/pdf/inspect';
import type { DeclaredAttachment } from '../domain/index.js';
import { InterchangeErrors } from '../interchange-errors.js';

const PROBLEMS: Record<PdfProblem, { vi: string; en: string }> = {
  'not-pdf': { vi: 'tệp không bắt đầu bằng phần đầu %PDF-', en: 'the file does not start with a %PDF- header' },
  unreadable: { vi: 'không đọc được cấu trúc PDF', en: 'its PDF structure cannot be read' },
  encrypted: { vi: 'PDF được mã hóa; hãy gửi bản không đặt mật khẩu', en: 'the PDF is encrypted; send it without a password' },
  signed: {
    vi: 'PDF đã có chữ ký; hãy gửi bản chưa ký, hệ thống sẽ ký và đóng dấu',
    en: 'the PDF is already signed; send it unsigned, the platform signs and seals it',
  },
  'no-pages': { vi: 'PDF không có trang nào', en: 'the PDF has no pages' },
};

/**
 * Decodes each attached file and checks it against what its fields declare (size, SHA-256) and, being a PDF, that the
 * platform can archive and seal it. Throws INTERCHANGE.ATTACHMENT_INVALID naming the field at fault.
 */
export async function checkAttachments(attachments: readonly DeclaredAttachment[]): Promise<void> {
  for (const { field, size, sha256, data } of attachments) {
    const bytes = decodeBase64(data);
    if (!bytes) {
      throw InterchangeErrors.attachmentInvalid(`${field}.data`, { vi: 'dữ liệu không phải base64 chuẩn (RFC 4648, có đệm =)', en: 'the data is not padded base64 (RFC 4648)' });
    }
    if (bytes.length !== size) {
      throw InterchangeErrors.attachmentInvalid(`${field}.size`, { vi: `tệp dài ${bytes.length} byte, khai báo ${size}`, en: `the file is ${bytes.length} bytes, ${size} declared` });
    }
    if (sha256Hex(bytes) !== sha256) {
      throw InterchangeErrors.attachmentInvalid(`${field}.sha256`, { vi: 'SHA-256 của tệp khác giá trị khai báo', en: 'the file’s SHA-256 differs from the one declared' });
    }
    // Loaded on the first attachment: pdf-lib is not needed by a hub that only receives records.
    const { inspectPdf } = await import('@edu/pdf/inspect');
    const inspection = await inspectPdf(bytes);
    if (!inspection.ok) throw InterchangeErrors.attachmentInvalid(`${field}.data`, PROBLEMS[inspection.problem]);
  }
}
