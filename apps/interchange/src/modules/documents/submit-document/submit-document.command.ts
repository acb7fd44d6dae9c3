import { canonicalJson, sha256Hex } from '@edu/crypto';
import { AuthErrors, type Principal } from '@edu/auth';
import { DOCUMENT_TYPES, isDocumentTypeName, type DeclaredAttachment, type DocumentSubject, type DocumentTypeName, type ListedStudent, type SubjectKind } from '../domain/index.js';
import { InterchangeErrors } from '../interchange-errors.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{1,128}$/;
const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;
const STUDENT_ID = /^\d{10}$/;
const CLASS_NAME = /^[0-9A-Za-zÀ-ỹ._ -]{1,20}$/u;
const SUBJECT_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;
const TERMS = new Set(['hk1', 'hk2']);
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
    readonly subject: DocumentSubject,
    /** Versions of one record supersede each other: the student's học bạ of the year, a class's subject and term, … */
    readonly recordKey: string,
    /** The students a class document lists, each to be found in the class. */
    readonly listedStudents: ListedStudent[],
    /** Files the content carries, to be decoded and checked before the document is accepted. */
    readonly attachments: DeclaredAttachment[],
    readonly canonicalContent: Buffer,
    readonly contentSha256: string,
    readonly requestSha256: string,
  ) {}

  /** The student the document is about, or null for a class document. */
  get studentId(): string | null {
    return this.subject.studentId ?? null;
  }

  /** The class of a class document (its student's class comes from the directory instead). */
  get className(): string | null {
    return this.subject.className ?? null;
  }

  /** An invoice or contract: about no student or class. */
  get aboutItself(): boolean {
    return this.studentId === null && this.className === null;
  }

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
    const documentType = DOCUMENT_TYPES[b.type];
    const subject = parseSubject(documentType.subjectKind, b.subject);
    if (b.content === undefined) throw InterchangeErrors.invalidField('content', 'content is required', 'Thiếu nội dung (content)');

    documentType.validate(b.content, 'content', { schoolYear: b.schoolYear as string, subject });
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
      subject,
      // Class documents are numbered per school: two schools each have a 10A1.
      documentType.subjectKind === 'student' ? documentType.recordKey(b.content) : `${b.issuerCode}|${documentType.recordKey(b.content)}`,
      documentType.listedStudents?.(b.content, 'content') ?? [],
      documentType.attachments?.(b.content, 'content') ?? [],
      canonicalContent,
      sha256Hex(canonicalContent),
      requestSha256,
    );
  }
}

const SUBJECT_FIELDS: Record<SubjectKind, readonly string[]> = {
  student: ['studentId'],
  'class-subject-term': ['className', 'subjectCode', 'term'],
  document: [],
};

/** The envelope's `subject`, as the type's kind wants it: exactly the fields named, nothing else. */
function parseSubject(kind: SubjectKind, value: unknown): DocumentSubject {
  if (kind === 'document' && value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value)))
    throw InterchangeErrors.invalidField('subject', 'subject must be an empty object or left out', 'subject phải là đối tượng rỗng hoặc bỏ trống');
  const subject = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
  const allowed = SUBJECT_FIELDS[kind];
  const extra = Object.keys(subject).find((k) => !allowed.includes(k));
  if (extra) throw InterchangeErrors.invalidField(`subject.${extra}`, `unknown field subject.${extra}`, `Trường không được phép: subject.${extra}`);
  if (kind === 'student') {
    if (typeof subject.studentId !== 'string' || !STUDENT_ID.test(subject.studentId))
      throw InterchangeErrors.invalidField('subject.studentId', 'subject.studentId must be a 10-digit sector ID', 'Mã định danh học sinh phải gồm 10 chữ số');
    return { studentId: subject.studentId };
  }
  if (kind === 'document') return {};
  if (typeof subject.className !== 'string' || !CLASS_NAME.test(subject.className))
    throw InterchangeErrors.invalidField('subject.className', 'subject.className must name a class (1–20 characters)', 'Tên lớp (subject.className) phải có 1–20 ký tự');
  if (typeof subject.subjectCode !== 'string' || !SUBJECT_CODE.test(subject.subjectCode))
    throw InterchangeErrors.invalidField('subject.subjectCode', 'subject.subjectCode must be a subject code such as TOAN', 'Mã môn học (subject.subjectCode) phải có dạng TOAN');
  if (typeof subject.term !== 'string' || !TERMS.has(subject.term))
    throw InterchangeErrors.invalidField('subject.term', 'subject.term must be hk1 or hk2', 'Học kì (subject.term) phải là hk1 hoặc hk2');
  return { className: subject.className, subjectCode: subject.subjectCode, term: subject.term as 'hk1' | 'hk2' };
}
