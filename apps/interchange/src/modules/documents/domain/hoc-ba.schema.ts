import { PROMOTION_DECISIONS, SCHOOL_LEVELS } from '@edu/contracts';
import { PRIMARY_PROPERTIES, PRIMARY_REQUIRED } from './hoc-ba-primary.schema.js';
import { SECONDARY_PROPERTIES, SECONDARY_REQUIRED } from './hoc-ba-secondary.schema.js';

/**
 * JSON Schema (draft-07) of a học bạ's content: structure, types, enums and formats only. The
 * arithmetic and the circulars' rules live in hoc-ba.rules.ts, where a broken one can be named.
 * `level` picks the variant: TIEU_HOC → Circular 27/2020, THCS/THPT → Circular 22/2021.
 */

const NAME = { type: 'string', minLength: 1, maxLength: 200 } as const;

const COMMON_PROPERTIES = {
  className: { type: 'string', minLength: 1, maxLength: 20 },
  schoolYear: { type: 'string', pattern: '^[0-9]{4}-[0-9]{4}$' },
  student: {
    type: 'object',
    additionalProperties: false,
    required: ['studentId', 'fullName', 'dateOfBirth', 'gender'],
    properties: {
      studentId: { type: 'string', pattern: '^[0-9]{10}$', description: 'Sector ID (Circular 42/2021)' },
      fullName: NAME,
      dateOfBirth: { type: 'string', format: 'date' },
      gender: { type: 'string', enum: ['NAM', 'NU'] },
      personalId: { type: 'string', pattern: '^[0-9]{12}$', description: 'CCCD number' },
    },
  },
  school: {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'name'],
    properties: { code: { type: 'string', pattern: '^[0-9A-Za-z._-]{2,32}$' }, name: NAME },
  },
  daysAbsent: {
    type: 'integer',
    minimum: 0,
    maximum: 366,
    description: 'Absences counted as the circular does: one buổi per day of the education plan',
  },
  remarks: { type: 'string', maxLength: 4000 },
  promotion: {
    type: 'object',
    additionalProperties: false,
    required: ['decision'],
    properties: { decision: { type: 'string', enum: [...PROMOTION_DECISIONS] } },
  },
  homeroomTeacher: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: { name: NAME },
  },
  principal: {
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: { name: NAME },
  },
} as const;

const COMMON_REQUIRED = [
  'level',
  'grade',
  'className',
  'schoolYear',
  'student',
  'school',
  'daysAbsent',
  'remarks',
  'promotion',
  'homeroomTeacher',
  'principal',
] as const;

export const HOC_BA_CONTENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:edu-interop:documents:hoc-ba:content:v1',
  title: 'Học bạ điện tử — nội dung',
  type: 'object',
  required: ['level'],
  properties: { level: { type: 'string', enum: [...SCHOOL_LEVELS] } },
  if: { properties: { level: { const: 'TIEU_HOC' } } },
  then: {
    additionalProperties: false,
    required: [...COMMON_REQUIRED, ...PRIMARY_REQUIRED],
    properties: { ...COMMON_PROPERTIES, ...PRIMARY_PROPERTIES },
  },
  else: {
    additionalProperties: false,
    required: [...COMMON_REQUIRED, ...SECONDARY_REQUIRED],
    properties: { ...COMMON_PROPERTIES, ...SECONDARY_PROPERTIES },
  },
} as const;
