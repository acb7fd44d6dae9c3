import type { HocBaSchool, HocBaStudent } from '@edu/contracts';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';

/**
 * JSON Schema (draft-07) of a chứng chỉ's or chứng nhận's content, shared by both types: the award, the number and
 * registry entry it was issued under, where and when, and who signed. The holder, school and year read exactly as in
 * the học bạ, whose definitions are reused rather than restated.
 */

const { school, schoolYear, student } = HOC_BA_CONTENT_SCHEMA.then.properties;
const DATE = { type: 'string', format: 'date' } as const;

export const SIGNER_TITLES = ['Hiệu trưởng', 'Giám đốc'] as const;

export const CERTIFICATE_CONTENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:edu-interop:documents:certificate:content:v1',
  title: 'Chứng chỉ, chứng nhận — nội dung',
  type: 'object',
  additionalProperties: false,
  required: ['school', 'schoolYear', 'holder', 'award', 'number', 'registryEntry', 'issuedOn', 'issuedAt', 'signer'],
  properties: {
    school,
    schoolYear,
    holder: student,
    award: {
      type: 'object',
      additionalProperties: false,
      required: ['title'],
      properties: {
        title: { type: 'string', minLength: 1, maxLength: 300 },
        description: { type: 'string', maxLength: 2000 },
      },
    },
    number: { type: 'string', pattern: '^[A-Z0-9./-]{1,40}$', description: 'Số hiệu' },
    registryEntry: { type: 'string', minLength: 1, maxLength: 40, description: 'Số vào sổ cấp' },
    issuedOn: DATE,
    issuedAt: { type: 'string', minLength: 1, maxLength: 100, description: 'Place of issue, e.g. Hải Phòng' },
    signer: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'title'],
      properties: { name: student.properties.fullName, title: { type: 'string', enum: [...SIGNER_TITLES] } },
    },
  },
} as const;

export interface CertificateContent {
  school: HocBaSchool;
  schoolYear: string;
  holder: HocBaStudent;
  award: { title: string; description?: string };
  number: string;
  registryEntry: string;
  /** ISO date, YYYY-MM-DD. */
  issuedOn: string;
  issuedAt: string;
  signer: { name: string; title: (typeof SIGNER_TITLES)[number] };
}
