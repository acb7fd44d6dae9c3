import { referenceChecks, type CrossCheck } from './cross-check.js';

/** The row's school must exist, be active and be a school of a level that enrols pupils. */
export const SCHOOL_CHECKS: readonly CrossCheck[] = [
  ...referenceChecks('school_code', { table: 'organisations', key: 'code' }, { unknown: 'UNKNOWN_SCHOOL', inactive: 'SCHOOL_CLOSED' }),
  {
    code: 'NOT_A_SCHOOL',
    field: 'school_code',
    select: `SELECT r.row_no, r.school_code AS value, o.level AS other FROM {rows} r JOIN organisations o ON o.code = r.school_code
             WHERE o.status = 'ACTIVE' AND o.level NOT IN (SELECT level FROM grades)`,
  },
];

/** The grade must be one the school's level teaches (checked only for well-formed grades). */
export const GRADE_FOR_LEVEL: CrossCheck = {
  code: 'GRADE_OUT_OF_RANGE',
  field: 'grade',
  select: `SELECT r.row_no, r.grade AS value, g.level || ' ' || g.lo || '–' || g.hi AS other
           FROM {rows} r JOIN organisations o ON o.code = r.school_code
           JOIN grades g ON g.level = o.level
           WHERE r.grade ~ '^[0-9]{1,2}$' AND r.grade::int NOT BETWEEN g.lo AND g.hi`,
};
