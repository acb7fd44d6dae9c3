import type { RosterKindName } from '../domain/roster-rows.js';
import {
  detailsDifferInFile,
  duplicatesInFile,
  personalIdAgainstRegistry,
  personalIdSharedInFile,
  referenceChecks,
  sectorIdOfOtherKind,
  type CrossCheck,
} from './cross-check.js';
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
  ...referenceChecks('org_code', { table: 'organisations', key: 'code' }, { unknown: 'UNKNOWN_ORGANISATION', inactive: 'ORGANISATION_CLOSED' }),
  duplicatesInFile('person_id', ['person_id'], 'r.person_id'),
  personalIdSharedInFile('person_id'),
  ...personalIdAgainstRegistry('persons', 'person_id'),
  sectorIdOfOtherKind('person_id', 'STAFF'),
];

const ASSIGNMENT_CHECKS: CrossCheck[] = [
  ...referenceChecks('person_id', { table: 'persons', key: 'person_id' }, { unknown: 'UNKNOWN_PERSON', inactive: 'PERSON_LEFT' }),
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
