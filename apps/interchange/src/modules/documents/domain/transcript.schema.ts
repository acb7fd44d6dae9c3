import type {
  CommentSubject,
  HocBaSchool,
  HocBaStudent,
  ScoredSubject,
  SecondaryLevel,
  SecondaryRating,
  Signatory,
} from '@edu/contracts';
import { SECONDARY_PROPERTIES, SECONDARY_SUBJECT_SCHEMA } from './hoc-ba-secondary.schema.js';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';

/**
 * JSON Schema (draft-07) of a bảng điểm's content: one student's year results over several school years, issued by a
 * secondary school in answer to a request (phiếu yêu cầu). Structure only; the rules live in transcript.rules.ts. The
 * student, school, years, subjects, scores and ratings read exactly as in the học bạ, whose definitions are reused
 * rather than restated.
 */

const { school, schoolYear, className, student, principal } = HOC_BA_CONTENT_SCHEMA.then.properties;
const { code, name, assessment } = SECONDARY_SUBJECT_SCHEMA.properties;
const { yearResult } = SECONDARY_SUBJECT_SCHEMA.then.properties;
const { yearAverage } = SECONDARY_SUBJECT_SCHEMA.else.properties;
const RATING = SECONDARY_PROPERTIES.learningResult.properties.year;

/** A subject's year result only: ĐTBmcn when scored, Đạt / Chưa đạt when assessed by comment. */
const SUBJECT = {
  type: 'object',
  required: ['code', 'name', 'assessment'],
  properties: { code, name, assessment },
  if: { properties: { assessment: { const: 'comment' } } },
  then: { additionalProperties: false, required: ['yearResult'], properties: { code, name, assessment, yearResult } },
  else: { additionalProperties: false, required: ['yearAverage'], properties: { code, name, assessment, yearAverage } },
} as const;

const YEAR = {
  type: 'object',
  additionalProperties: false,
  required: ['schoolYear', 'grade', 'className', 'subjects', 'learningResult', 'conduct'],
  properties: {
    schoolYear,
    grade: SECONDARY_PROPERTIES.grade,
    className,
    subjects: { type: 'array', minItems: 1, maxItems: 20, items: SUBJECT },
    learningResult: RATING,
    conduct: RATING,
  },
} as const;

export const TRANSCRIPT_CONTENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:edu-interop:documents:bang-diem:content:v1',
  title: 'Bảng điểm — nội dung',
  type: 'object',
  additionalProperties: false,
  required: ['level', 'school', 'schoolYear', 'student', 'requestNumber', 'issuedOn', 'years', 'principal'],
  properties: {
    level: SECONDARY_PROPERTIES.level,
    school,
    /** The school year the transcript is issued in. */
    schoolYear,
    student,
    requestNumber: { type: 'string', pattern: '^[A-Z0-9./-]{1,40}$', description: 'Số phiếu yêu cầu' },
    issuedOn: { type: 'string', format: 'date' },
    purpose: { type: 'string', minLength: 1, maxLength: 300, description: 'What the transcript was requested for' },
    years: { type: 'array', minItems: 1, maxItems: 7, items: YEAR },
    principal,
  },
} as const;

export type TranscriptSubject =
  | Pick<ScoredSubject, 'code' | 'name' | 'assessment' | 'yearAverage'>
  | Pick<CommentSubject, 'code' | 'name' | 'assessment' | 'yearResult'>;

/** One school year of the extract, as the học bạ of that year closes it. */
export interface TranscriptYear {
  schoolYear: string;
  grade: number;
  className: string;
  subjects: TranscriptSubject[];
  learningResult: SecondaryRating;
  conduct: SecondaryRating;
}

export interface TranscriptContent {
  level: SecondaryLevel;
  school: HocBaSchool;
  schoolYear: string;
  student: HocBaStudent;
  requestNumber: string;
  /** ISO date, YYYY-MM-DD. */
  issuedOn: string;
  purpose?: string;
  years: TranscriptYear[];
  principal: Signatory;
}
