import {
  COMMENT_RESULTS,
  SCHOOL_LEVELS,
  type CommentResult,
  type HocBaSchool,
  type PrimarySubjectLevel,
  type SecondaryLevel,
} from '@edu/contracts';
import { PRIMARY_PROPERTIES, PRIMARY_SUBJECT_SCHEMA } from './hoc-ba-primary.schema.js';
import { SCORE, SECONDARY_PROPERTIES, SECONDARY_SUBJECT_SCHEMA } from './hoc-ba-secondary.schema.js';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';

/**
 * JSON Schema (draft-07) of a sổ điểm's content: one class's assessments in one subject for one term, structure only;
 * the arithmetic lives in so-diem.rules.ts. Three forms, told apart as the học bạ tells them:
 * - `level` THCS/THPT, no `assessment` (or `score`): a subject assessed by comment plus score (Circular 22/2021);
 * - `level` THCS/THPT, `assessment: comment`: a subject assessed by comment only, Đạt / Chưa đạt (Circular 22/2021);
 * - `level` TIEU_HOC: a primary subject's level and end-of-term test score (Circular 27/2020).
 * Schools, years, names, scores, comment results and primary levels read exactly as in the học bạ, whose definitions
 * are reused rather than restated.
 */

const { school, schoolYear, className, student, principal: person } = HOC_BA_CONTENT_SCHEMA.then.properties;
const subject = SECONDARY_SUBJECT_SCHEMA.properties;
const primarySubject = PRIMARY_SUBJECT_SCHEMA.properties;
const COMMENT = { type: 'string', enum: [...COMMENT_RESULTS] } as const;
const studentId = student.properties.studentId;
const fullName = student.properties.fullName;

const SCORED_ROW = {
  type: 'object',
  additionalProperties: false,
  required: ['studentId', 'fullName', 'regular', 'midterm', 'final', 'average'],
  properties: {
    studentId,
    fullName,
    regular: { type: 'array', minItems: 1, maxItems: 4, items: SCORE },
    midterm: SCORE,
    final: SCORE,
    average: SCORE,
  },
} as const;

const COMMENT_ROW = {
  type: 'object',
  additionalProperties: false,
  required: ['studentId', 'fullName', 'regular', 'midterm', 'final', 'result'],
  properties: {
    studentId,
    fullName,
    regular: { type: 'array', minItems: 1, maxItems: 4, items: COMMENT },
    midterm: COMMENT,
    final: COMMENT,
    result: COMMENT,
  },
} as const;

const PRIMARY_ROW = {
  type: 'object',
  additionalProperties: false,
  required: ['studentId', 'fullName', 'level'],
  properties: { studentId, fullName, level: primarySubject.level, testScore: primarySubject.testScore },
} as const;

const HEAD_REQUIRED = [
  'level',
  'school',
  'schoolYear',
  'className',
  'grade',
  'term',
  'subjectCode',
  'subjectName',
  'teacher',
  'principal',
  'students',
] as const;

/** What every form has; whether the grade belongs to the level is a rule (GRADE_LEVEL), so any school grade passes here. */
const HEAD = {
  school,
  schoolYear,
  className,
  grade: { type: 'integer', minimum: 1, maximum: 12 },
  term: { type: 'string', enum: ['hk1', 'hk2'] },
  /** Read by the signing service to find the subject teacher, so it stays at the top level. */
  subjectCode: subject.code,
  subjectName: subject.name,
  teacher: person,
  principal: person,
} as const;

const students = <Row extends object>(row: Row) => ({ type: 'array', minItems: 1, maxItems: 120, items: row }) as const;

const secondaryForm = <Row extends object>(required: readonly string[], row: Row) => ({
  additionalProperties: false,
  required: [...HEAD_REQUIRED, 'yearlyPeriods', ...required],
  properties: {
    ...HEAD,
    level: SECONDARY_PROPERTIES.level,
    assessment: subject.assessment,
    yearlyPeriods: subject.yearlyPeriods,
    students: students(row),
  },
});

export const SO_DIEM_CONTENT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:edu-interop:documents:so-diem:content:v1',
  title: 'Sổ điểm — nội dung',
  type: 'object',
  required: ['level'],
  properties: { level: { type: 'string', enum: [...SCHOOL_LEVELS] } },
  if: { properties: { level: { const: 'TIEU_HOC' } } },
  then: {
    additionalProperties: false,
    required: [...HEAD_REQUIRED],
    properties: { ...HEAD, level: PRIMARY_PROPERTIES.level, students: students(PRIMARY_ROW) },
  },
  else: {
    if: { required: ['assessment'], properties: { assessment: { const: 'comment' } } },
    then: secondaryForm(['assessment'], COMMENT_ROW),
    else: secondaryForm([], SCORED_ROW),
  },
} as const;

interface GradeBookHead {
  school: HocBaSchool;
  schoolYear: string;
  className: string;
  grade: number;
  term: 'hk1' | 'hk2';
  subjectCode: string;
  subjectName: string;
  teacher: { name: string };
  principal: { name: string };
}

/** One student's row of a scored subject: ĐĐGtx, ĐĐGgk, ĐĐGck and the term average ĐTBmhk. */
export interface ScoredGradeBookRow {
  studentId: string;
  fullName: string;
  regular: number[];
  midterm: number;
  final: number;
  average: number;
}

/** One student's row of a comment subject: regular, mid-term and end-of-term assessments, and the term's result. */
export interface CommentGradeBookRow {
  studentId: string;
  fullName: string;
  regular: CommentResult[];
  midterm: CommentResult;
  final: CommentResult;
  result: CommentResult;
}

/** One pupil's row: the subject's level for the term and, for a tested subject, the end-of-term test score. */
export interface PrimaryGradeBookRow {
  studentId: string;
  fullName: string;
  level: PrimarySubjectLevel;
  testScore?: number;
}

export interface ScoredGradeBook extends GradeBookHead {
  level: SecondaryLevel;
  assessment?: 'score';
  yearlyPeriods: number;
  students: ScoredGradeBookRow[];
}

export interface CommentGradeBook extends GradeBookHead {
  level: SecondaryLevel;
  assessment: 'comment';
  yearlyPeriods: number;
  students: CommentGradeBookRow[];
}

export interface PrimaryGradeBook extends GradeBookHead {
  level: 'TIEU_HOC';
  students: PrimaryGradeBookRow[];
}

export type SecondaryGradeBook = ScoredGradeBook | CommentGradeBook;
export type SoDiemContent = SecondaryGradeBook | PrimaryGradeBook;
