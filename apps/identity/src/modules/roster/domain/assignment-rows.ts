import { requiredText, schoolYear, sectorId } from './field-checks.js';
import { rowProblem } from './roster-problems.js';
import { found, type RosterRows } from './roster-rows.js';
import { TEACHING_SUBJECTS } from './teaching-subjects.js';

/** assignments.csv: a teacher teaches a subject (or is the homeroom teacher, CHU_NHIEM) to a class for a school year. */
export const ASSIGNMENT_ROWS: RosterRows = {
  kind: 'assignments',
  columns: ['person_id', 'school_code', 'class_name', 'subject', 'school_year'],
  check([personId, schoolCode, className, subject, year]) {
    return found(
      sectorId('person_id', personId),
      requiredText('school_code', schoolCode, 20),
      requiredText('class_name', className, 40),
      TEACHING_SUBJECTS.has(subject) ? null : subject ? rowProblem('SUBJECT_UNKNOWN', 'subject', subject) : rowProblem('REQUIRED', 'subject'),
      schoolYear('school_year', year),
    );
  },
};
