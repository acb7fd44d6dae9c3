import { COMMENT_RESULTS, SECONDARY_AWARDS, SECONDARY_RATINGS } from '@edu/contracts';

/** Draft-07 fragments for THCS and THPT records (Circular 22/2021). */

/** 0–10 with at most one decimal; the validator sets `multipleOfPrecision` so 7.3 passes. */
export const SCORE = { type: 'number', minimum: 0, maximum: 10, multipleOf: 0.1 } as const;
const COMMENT = { type: 'string', enum: [...COMMENT_RESULTS] } as const;
const RATING = { type: 'string', enum: [...SECONDARY_RATINGS] } as const;
const REMARK = { type: 'string', maxLength: 2000 } as const;

const scoredTerm = {
  type: 'object',
  additionalProperties: false,
  required: ['regular', 'midterm', 'final', 'average'],
  properties: {
    regular: { type: 'array', minItems: 1, maxItems: 4, items: SCORE },
    midterm: SCORE,
    final: SCORE,
    average: SCORE,
    comment: REMARK,
  },
} as const;

const commentTerm = {
  type: 'object',
  additionalProperties: false,
  required: ['regular', 'midterm', 'final', 'result'],
  properties: {
    regular: { type: 'array', minItems: 1, maxItems: 4, items: COMMENT },
    midterm: COMMENT,
    final: COMMENT,
    result: COMMENT,
    comment: REMARK,
  },
} as const;

const subjectHead = {
  code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,31}$' },
  name: { type: 'string', minLength: 1, maxLength: 100 },
  assessment: { type: 'string', enum: ['score', 'comment'] },
  yearlyPeriods: { type: 'integer', minimum: 1, maximum: 400 },
  comment: REMARK,
} as const;

const terms = (term: object) => ({
  type: 'object',
  additionalProperties: false,
  required: ['hk1', 'hk2'],
  properties: { hk1: term, hk2: term },
});

export const SECONDARY_SUBJECT_SCHEMA = {
  type: 'object',
  required: ['code', 'name', 'assessment', 'yearlyPeriods', 'terms'],
  properties: subjectHead,
  if: { properties: { assessment: { const: 'comment' } } },
  then: {
    additionalProperties: false,
    required: ['yearResult'],
    properties: { ...subjectHead, terms: terms(commentTerm), yearResult: COMMENT },
  },
  else: {
    additionalProperties: false,
    required: ['yearAverage'],
    properties: { ...subjectHead, terms: terms(scoredTerm), yearAverage: SCORE },
  },
} as const;

const ratings = {
  type: 'object',
  additionalProperties: false,
  required: ['hk1', 'hk2', 'year'],
  properties: { hk1: RATING, hk2: RATING, year: RATING },
} as const;

/** The properties only a secondary record has; shared ones live in hoc-ba.schema.ts. */
export const SECONDARY_PROPERTIES = {
  level: { type: 'string', enum: ['THCS', 'THPT'] },
  grade: { type: 'integer', minimum: 6, maximum: 12 },
  subjects: { type: 'array', minItems: 1, maxItems: 30, items: SECONDARY_SUBJECT_SCHEMA },
  conduct: ratings,
  learningResult: ratings,
  award: { enum: [...SECONDARY_AWARDS, null] },
} as const;

export const SECONDARY_REQUIRED = ['subjects', 'conduct', 'learningResult', 'award'] as const;
