import type { DocumentType } from './document-type.interface.js';
import { compileSchemaCheck, type SchemaCheck } from './hoc-ba.validator.js';
import { buildTranscriptExample } from './transcript.example.js';
import { checkTranscriptRules } from './transcript.rules.js';
import { TRANSCRIPT_CONTENT_SCHEMA, type TranscriptContent } from './transcript.schema.js';

const checkSchema: SchemaCheck<TranscriptContent> = compileSchemaCheck(TRANSCRIPT_CONTENT_SCHEMA, { vi: 'Bảng điểm', en: 'Transcript' });

/** Bảng điểm: one student's year results over several school years, issued on request, signed by the principal, then sealed. */
export const BANG_DIEM: DocumentType = {
  type: 'bang-diem',
  title: { vi: 'Bảng điểm', en: 'Transcript' },
  onePer: 'student × request',
  signers: ['principal', 'institution-seal'],
  subjectKind: 'student',
  contentSchema: TRANSCRIPT_CONTENT_SCHEMA,
  validate: (content, prefix, expected) => {
    checkSchema(content, prefix);
    checkTranscriptRules(content, prefix, expected);
  },
  // A corrected transcript answering the same request supersedes the earlier one.
  recordKey: (content) => {
    const { student, requestNumber } = content as TranscriptContent;
    return `${student.studentId}|${requestNumber}`;
  },
  buildExample: buildTranscriptExample,
};
