import type { DocumentType } from './document-type.interface.js';
import { buildHocBaExample } from './hoc-ba.example.js';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';
import { validateHocBaContent } from './hoc-ba.validator.js';
import { CHUNG_CHI, CHUNG_NHAN } from './certificate.type.js';
import { SO_DIEM } from './so-diem.type.js';
import { BANG_DIEM } from './transcript.type.js';
import { HOA_DON, HOP_DONG } from './administrative.type.js';

export type {
  DeclaredAttachment,
  DocumentSubject,
  DocumentType,
  ExampleContext,
  Expectations,
  ListedStudent,
  SignerRole,
  SubjectKind,
} from './document-type.interface.js';

const HOC_BA: DocumentType = {
  type: 'hoc-ba',
  title: { vi: 'Học bạ điện tử', en: 'Electronic student record' },
  onePer: 'student × school year',
  signers: ['homeroom-teacher', 'principal', 'institution-seal'],
  subjectKind: 'student',
  contentSchema: HOC_BA_CONTENT_SCHEMA,
  hasPdf: true,
  validate: (content, prefix, expected) =>
    validateHocBaContent(content, prefix, { schoolYear: expected.schoolYear, studentId: expected.subject.studentId }),
  recordKey: (content) => (content as { student: { studentId: string } }).student.studentId,
  buildExample: (ctx) => ({
    subject: { studentId: ctx.student.studentId },
    content: buildHocBaExample({
      student: ctx.student,
      school: ctx.school,
      className: ctx.className,
      grade: ctx.grade,
      schoolYear: ctx.schoolYear,
      homeroomTeacher: ctx.homeroomTeacher,
      principal: ctx.principal,
    }),
  }),
};

/** Document types this hub accepts, by `type`. Never rename a key: stored documents carry it. */
export const DOCUMENT_TYPES = {
  'hoc-ba': HOC_BA,
  'so-diem': SO_DIEM,
  'bang-diem': BANG_DIEM,
  'chung-chi': CHUNG_CHI,
  'chung-nhan': CHUNG_NHAN,
  'hoa-don': HOA_DON,
  'hop-dong': HOP_DONG,
} as const satisfies Record<string, DocumentType>;

export type DocumentTypeName = keyof typeof DOCUMENT_TYPES;

export function isDocumentTypeName(value: string): value is DocumentTypeName {
  return Object.hasOwn(DOCUMENT_TYPES, value);
}
