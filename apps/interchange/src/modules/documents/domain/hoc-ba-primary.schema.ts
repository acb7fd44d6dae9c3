import {
  PRIMARY_AWARDS,
  PRIMARY_SUBJECT_LEVELS,
  PRIMARY_TRAIT_LEVELS,
  PRIMARY_YEAR_RESULTS,
} from '@edu/contracts';

/** Draft-07 fragments for tiểu học records (Circular 27/2020). */

const TRAIT = { type: 'string', enum: [...PRIMARY_TRAIT_LEVELS] } as const;

const traits = (keys: readonly string[]) => ({
  type: 'object',
  additionalProperties: false,
  required: [...keys],
  properties: Object.fromEntries(keys.map((k) => [k, TRAIT])),
});

const QUALITY_KEYS = ['patriotism', 'compassion', 'diligence', 'honesty', 'responsibility'] as const;
const COMPETENCY_KEYS = [
  'selfReliance',
  'collaboration',
  'problemSolving',
  'language',
  'numeracy',
  'science',
  'technology',
  'informatics',
  'aesthetics',
  'physical',
] as const;

export const PRIMARY_SUBJECT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'name', 'level', 'comment'],
  properties: {
    code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]{1,31}$' },
    name: { type: 'string', minLength: 1, maxLength: 100 },
    level: { type: 'string', enum: [...PRIMARY_SUBJECT_LEVELS] },
    /** End-of-year periodic test: a whole number from 1 to 10 (Art. 7). */
    testScore: { type: 'integer', minimum: 1, maximum: 10 },
    comment: { type: 'string', maxLength: 2000 },
  },
} as const;

export const PRIMARY_PROPERTIES = {
  level: { const: 'TIEU_HOC' },
  grade: { type: 'integer', minimum: 1, maximum: 5 },
  subjects: { type: 'array', minItems: 1, maxItems: 20, items: PRIMARY_SUBJECT_SCHEMA },
  qualities: traits(QUALITY_KEYS),
  competencies: traits(COMPETENCY_KEYS),
  yearResult: { type: 'string', enum: [...PRIMARY_YEAR_RESULTS] },
  award: { enum: [...PRIMARY_AWARDS, null] },
} as const;

export const PRIMARY_REQUIRED = ['subjects', 'qualities', 'competencies', 'yearResult', 'award'] as const;
