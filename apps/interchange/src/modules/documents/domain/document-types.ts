import type { LocalizedMessage } from '@edu/errors';
import { buildHocBaExample, type HocBaExampleInput } from './hoc-ba.example.js';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';
import type { HocBaContent } from '@edu/contracts';
import { validateHocBaContent } from './hoc-ba.validator.js';

/** Who signs, in order; the signing service walks this list. */
export type SignerRole = 'homeroom-teacher' | 'subject-teacher' | 'principal' | 'institution-seal';

export interface DocumentType<Content, ExampleInput> {
  type: string;
  title: LocalizedMessage;
  onePer: string;
  signers: readonly SignerRole[];
  contentSchema: object;
  /** Throws INTERCHANGE.SCHEMA_INVALID or INTERCHANGE.RULE_VIOLATED; returns when fit to sign. */
  validate(content: unknown, fieldPrefix?: string, expected?: { schoolYear?: string; studentId?: string }): void;
  buildExample(input: ExampleInput): Content;
}

const HOC_BA: DocumentType<HocBaContent, HocBaExampleInput> = {
  type: 'hoc-ba',
  title: { vi: 'Học bạ điện tử', en: 'Electronic student record' },
  onePer: 'student × school year',
  signers: ['homeroom-teacher', 'principal', 'institution-seal'],
  contentSchema: HOC_BA_CONTENT_SCHEMA,
  validate: validateHocBaContent,
  buildExample: buildHocBaExample,
};

/** Document types this hub accepts, by `type`. Never rename a key: stored documents carry it. */
export const DOCUMENT_TYPES = {
  'hoc-ba': HOC_BA,
} as const;

export type DocumentTypeName = keyof typeof DOCUMENT_TYPES;

export function isDocumentTypeName(value: string): value is DocumentTypeName {
  return Object.hasOwn(DOCUMENT_TYPES, value);
}
