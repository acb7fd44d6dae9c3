import type { HocBaSchool, SecondaryLevel } from '@edu/contracts';
import { SCORE, SECONDARY_PROPERTIES, SECONDARY_SUBJECT_SCHEMA } from './hoc-ba-secondary.schema.js';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';

/**
 * JSON Schema (draft-07) of a sổ điểm's content: one class's scores in one scored subject for one term (Circular
 * 22/2021), structure only; the arithmetic lives in so-diem.rules.ts. Schools, years, names and scores read exactly as
 * in the học bạ, whose definitions are reused rather than restated.
 */

const { school, schoolYear, className, student, principal: person } = HOC_BA_CONTENT_SCHEMA.then.properties;
const subject = SECONDARY_SUBJECT_SCHEMA.properties;

const ROW = {
  type: 'object',
  additionalProperties: false,
  required: ['studentId', 'fullName', 'regular', 'midterm', 'final', 'average'],
  properties: {
    studentId: student.properties.studentId,
    fullName: student.properties.fullName,
    regular: { type: 'array', minItems: 1, maxItems: 4, items: SCORE },
    midterm: SCORE,
    final: SCORE,
    average: SCORE,
  },
} as const;

export const SO_DIEM_CONTENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:edu-interop:documents:so-diem:content:v1',
  title: 'Sổ điểm — nội dung',
  type: 'object',
  additionalProperties: false,
  required: [
    'level',
    'school',
    'schoolYear',
    'className',
    'grade',
    'term',
    'subjectCode',
    'subjectName',
    'yearlyPeriods',
    'teacher',
    'principal',
    'students',
  ],
  properties: {
    level: SECONDARY_PROPERTIES.level,
    school,
    schoolYear,
    className,
    grade: SECONDARY_PROPERTIES.grade,
    term: { type: 'string', enum: ['hk1', 'hk2'] },
    /** Read by the signing service to find the subject teacher, so it stays at the top level. */
    subjectCode: subject.code,
    subjectName: subject.name,
    yearlyPeriods: subject.yearlyPeriods,
    teacher: person,
    principal: person,
    students: { type: 'array', minItems: 1, maxItems: 120, items: ROW },
  },
} as const;

/** One student's row: ĐĐGtx, ĐĐGgk, ĐĐGck and the term average ĐTBmhk. */
export interface GradeBookRow {
  studentId: string;
  fullName: string;
  regular: number[];
  midterm: number;
  final: number;
  average: number;
}

export interface SoDiemContent {
  level: SecondaryLevel;
  school: HocBaSchool;
  schoolYear: string;
  className: string;
  grade: number;
  term: 'hk1' | 'hk2';
  subjectCode: string;
  subjectName: string;
  yearlyPeriods: number;
  teacher: { name: string };
  principal: { name: string };
  students: GradeBookRow[];
}
