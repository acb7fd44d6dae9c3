import { canonicalJson, sha256Hex } from '@edu/crypto';
import { AuthErrors, type Principal } from '@edu/auth';
import { DOCUMENT_TYPES, isDocumentTypeName, type DocumentTypeName } from '../domain/index.js';
import { InterchangeErrors } from '../interchange-errors.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;
const STUDENT_ID = /^\d{10}$/;
const ENVELOPE_FIELDS = new Set(['type', 'issuerCode', 'schoolYear', 'subject', 'content']);

/**
 * A school's submission, validated on creation: envelope, authority to issue, and the document type's own schema
 * and rules. Holds the canonical bytes that will be signed and the request hash that idempotency compares.
 */
export class SubmitDocumentCommand {
  private constructor(
    readonly idempotencyKey: string,
    readonly clientId: string,
    readonly type: DocumentTypeName,
    readonly issuerCode: string,
    readonly schoolYear: string,
    readonly studentId: string,
    readonly canonicalContent: Buffer,
    readonly contentSha256: string,
    readonly requestSha256: string,
  ) {}

  static from(body: unknown, idempotencyKey: string | undefined, principal: Principal): SubmitDocumentCommand {
    if (!idempotencyKey || !IDEMPOTENCY_KEY.test(idempotencyKey)) throw InterchangeErrors.idempotencyKeyRequired();
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw InterchangeErrors.invalidField('body', 'the body must be a JSON object', 'Nội dung phải là một đối tượng JSON');
    const b = body as Record<string, unknown>;
    const extra = Object.keys(b).find((k) => !ENVELOPE_FIELDS.has(k));
    if (extra) throw InterchangeErrors.invalidField(extra, `unknown field ${extra}`, `Trường không được phép: ${extra}`);
    if (typeof b.type !== 'string') throw InterchangeErrors.invalidField('type', 'type is required', 'Thiếu loại tài liệu (type)');
    if (!isDocumentTypeName(b.type)) throw InterchangeErrors.unknownType(b.type);
    if (typeof b.issuerCode !== 'string' || !b.issuerCode)
      throw InterchangeErrors.invalidField('issuerCode', 'issuerCode is required', 'Thiếu mã đơn vị ban hành (issuerCode)');
    if (b.issuerCode !== principal.org) throw AuthErrors.otherOrganisation('issuerCode');
    const year = typeof b.schoolYear === 'string' ? SCHOOL_YEAR.exec(b.schoolYear) : null;
    if (!year || Number(year[2]) !== Number(year[1]) + 1)
      throw InterchangeErrors.invalidField('schoolYear', 'schoolYear must look like 2025-2026', 'Năm học phải có dạng 2025-2026');
    const subject = b.subject as Record<string, unknown> | undefined;
    if (typeof subject?.studentId !== 'string' || !STUDENT_ID.test(subject.studentId))
      throw InterchangeErrors.invalidField('subject.studentId', 'subject.studentId must be a 10-digit sector ID', 'Mã định danh học sinh phải gồm 10 chữ số');
    if (b.content === undefined) throw InterchangeErrors.invalidField('content', 'content is required', 'Thiếu nội dung (content)');

    DOCUMENT_TYPES[b.type].validate(b.content, 'content', { schoolYear: b.schoolYear as string, studentId: subject.studentId });
    const content = b.content as { school?: { code?: string } };
    if (content.school?.code !== b.issuerCode)
      throw InterchangeErrors.invalidField('content.school.code', 'content.school.code must equal issuerCode', 'Mã trường trong nội dung phải trùng issuerCode');

    const canonicalContent = canonicalJson(b.content);
    const requestSha256 = sha256Hex(canonicalJson({ ...b, content: null, contentSha256: sha256Hex(canonicalContent) }));
    return new SubmitDocumentCommand(
      idempotencyKey,
      principal.clientId,
      b.type,
      b.issuerCode,
      b.schoolYear as string,
      subject.studentId,
      canonicalContent,
      sha256Hex(canonicalContent),
      requestSha256,
    );
  }
}
