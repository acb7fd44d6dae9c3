import type { RosterKindName } from '../domain/roster-rows.js';
import { detailsDifferInFile, duplicatesInFile, personalIdAgainstRegistry, personalIdSharedInFile, sectorIdOfOtherKind, type CrossCheck } from './cross-check.js';
import { GRADE_FOR_LEVEL, SCHOOL_CHECKS } from './school-checks.js';

const STUDENT_CHECKS: CrossCheck[] = [
  ...SCHOOL_CHECKS,
  GRADE_FOR_LEVEL,
  duplicatesInFile('student_id', ['student_id', 'school_year'], `r.student_id || ' ' || r.school_year`),
  detailsDifferInFile('student_id'),
  personalIdSharedInFile('student_id'),
  ...personalIdAgainstRegistry('students', 'student_id'),
  sectorIdOfOtherKind('student_id', 'STUDENT'),
];

const TEACHER_CHECKS: CrossCheck[] = [
  {
    code: 'UNKNOWN_ORGANISATION',
    field: 'org_code',
    select: `SELECT r.row_no, r.org_code AS value, '' AS other FROM {rows} r LEFT JOIN organisations o ON o.code = r.org_code
             WHERE r.org_code <> '' AND o.code IS NULL`,
  },
  {
    code: 'ORGANISATION_CLOSED',
    field: 'org_code',
    select: `SELECT r.row_no, r.org_code AS value, '' AS other FROM {rows} r JOIN organisations o ON o.code = r.org_code WHERE o.status <> 'ACTIVE'`,
  },
  duplicatesInFile('person_id', ['person_id'], 'r.person_id'),
  personalIdSharedInFile('person_id'),
  ...personalIdAgainstRegistry('persons', 'person_id'),
  sectorIdOfOtherKind('person_id', 'STAFF'),
];

const ASSIGNMENT_CHECKS: CrossCheck[] = [
  {
    code: 'UNKNOWN_PERSON',
    field: 'person_id',
    select: `SELECT r.row_no, r.person_id AS value, '' AS other FROM {rows} r LEFT JOIN persons p ON p.person_id = r.person_id
             WHERE r.person_id <> '' AND p.person_id IS NULL`,
  },
  {
    code: 'PERSON_LEFT',
    field: 'person_id',
    select: `SELECT r.row_no, r.person_id AS value, '' AS other FROM {rows} r JOIN persons p ON p.person_id = r.person_id WHERE p.status <> 'ACTIVE'`,
  },
  ...SCHOOL_CHECKS,
  duplicatesInFile('person_id', ['person_id', 'school_code', 'class_name', 'subject', 'school_year'],
    `concat_ws(' ', r.person_id, r.school_code, r.class_name, r.subject, r.school_year)`),
];

/** The checks each roster's rows must pass against the file and the registry. */
export const CROSS_CHECKS: Record<RosterKindName, readonly CrossCheck[]> = {
  students: STUDENT_CHECKS,
  teachers: TEACHER_CHECKS,
  assignments: ASSIGNMENT_CHECKS,
};
