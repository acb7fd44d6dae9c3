import type { DocumentType } from './document-type.interface.js';
import { fieldAt } from './hoc-ba-rule.js';
import { compileSchemaCheck, type SchemaCheck } from './hoc-ba.validator.js';
import { buildSoDiemExample } from './so-diem.example.js';
import { checkSoDiemRules } from './so-diem.rules.js';
import { SO_DIEM_CONTENT_SCHEMA, type SoDiemContent } from './so-diem.schema.js';

const checkSchema: SchemaCheck<SoDiemContent> = compileSchemaCheck(SO_DIEM_CONTENT_SCHEMA, { vi: 'Sổ điểm', en: 'Grade book' });

/**
 * Sổ điểm: one class's assessments in one subject for one term — scores or Đạt / Chưa đạt at THCS and THPT, levels and
 * test scores at a primary school — signed by the subject teacher, then the principal.
 */
export const SO_DIEM: DocumentType = {
  type: 'so-diem',
  title: { vi: 'Sổ điểm', en: 'Grade book' },
  onePer: 'class × subject × term',
  signers: ['subject-teacher', 'principal'],
  subjectKind: 'class-subject-term',
  contentSchema: SO_DIEM_CONTENT_SCHEMA,
  validate: (content, prefix, expected) => {
    checkSchema(content, prefix);
    checkSoDiemRules(content, prefix, expected);
  },
  // A corrected grade book for the same class, subject and term supersedes the earlier one.
  recordKey: (content) => {
    const { className, subjectCode, term } = content as SoDiemContent;
    return `${className}|${subjectCode}|${term}`;
  },
  listedStudents: (content, prefix) =>
    (content as SoDiemContent).students.map((row, i) => ({ studentId: row.studentId, field: fieldAt(prefix, 'students', i, 'studentId') })),
  buildExample: buildSoDiemExample,
};
