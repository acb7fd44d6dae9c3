import type { LocalizedMessage } from '@edu/errors';
import type { HocBaStudent, SchoolLevel } from '@edu/contracts';

/*
 * What every document type provides, apart from the registry of types (document-types.ts): the types' own modules
 * import these, and the registry imports the types' modules, so the two cannot share a file without an import cycle.
 */

/** Who signs, in order; the signing service walks its own copy of this list. */
export type SignerRole = 'homeroom-teacher' | 'subject-teacher' | 'principal' | 'authorised-signatory' | 'institution-seal';

/**
 * What a document is about, from the submission's `subject`: one student (học bạ, certificates), one class's subject
 * in one term (sổ điểm), or nothing beyond itself (invoices and contracts: `subject` is empty or left out).
 */
export type SubjectKind = 'student' | 'class-subject-term' | 'document';

export interface DocumentSubject {
  studentId?: string;
  className?: string;
  subjectCode?: string;
  term?: 'hk1' | 'hk2';
}

/** What the envelope around the content says; the content must agree with it. */
export interface Expectations {
  schoolYear: string;
  subject: DocumentSubject;
}

/** What the directory knows about the school and one of its students, from which examples are built. */
export interface ExampleContext {
  school: { code: string; name: string; level: SchoolLevel };
  schoolYear: string;
  student: HocBaStudent;
  className: string;
  grade: number;
  /** Every student of `className` that year (the student included), in the directory's order. */
  classmates: ReadonlyArray<{ studentId: string; fullName: string }>;
  homeroomTeacher: string;
  principal: string;
}

/** A file the content carries (base64), declared with its size and SHA-256, which the submission checks. */
export interface DeclaredAttachment {
  /** Where it sits, e.g. content.attachment. */
  field: string;
  size: number;
  sha256: string;
  data: string;
}

/** A student the content lists (a grade book's rows), with the field that names them. */
export interface ListedStudent {
  studentId: string;
  field: string;
}

export interface DocumentType {
  type: string;
  title: LocalizedMessage;
  onePer: string;
  signers: readonly SignerRole[];
  subjectKind: SubjectKind;
  contentSchema: object;
  /** Signing renders (or takes from the content) a sealed PDF, served at GET /v1/documents/{id}/pdf. */
  hasPdf?: true;
  /** Throws INTERCHANGE.SCHEMA_INVALID or INTERCHANGE.RULE_VIOLATED; returns when fit to sign. */
  validate(content: unknown, fieldPrefix: string, expected: Expectations): void;
  /**
   * The record that a new submission supersedes (with the type, issuer and school year): versions of one record
   * are numbered 1, 2, … Called on validated content only.
   */
  recordKey(content: unknown): string;
  /** The students listed in a class document's content, each checked against the class's enrolments. */
  listedStudents?(content: unknown, fieldPrefix: string): ListedStudent[];
  /** The files validated content carries, each to be decoded and checked before it is accepted. */
  attachments?(content: unknown, fieldPrefix: string): DeclaredAttachment[];
  /** A valid submission's `subject` and `content` for fixtures, demos and load tests. */
  buildExample(ctx: ExampleContext): { subject: DocumentSubject; content: object };
}
