import type { Gender } from '@edu/ids';
import { dateOfBirth, gender, grade, personalId, requiredText, schoolYear, sectorId } from './field-checks.js';
import { found, type RosterRows } from './roster-rows.js';

/** students.csv: one student and the class they are enrolled in for a school year. */
export const STUDENT_ROWS: RosterRows = {
  kind: 'students',
  columns: ['student_id', 'personal_id', 'full_name', 'date_of_birth', 'gender', 'school_code', 'class_name', 'grade', 'school_year'],
  check([studentId, pid, fullName, dob, sex, schoolCode, className, gradeValue, year], today) {
    const dobProblem = dateOfBirth('date_of_birth', dob, today);
    const genderProblem = gender('gender', sex);
    return found(
      sectorId('student_id', studentId),
      // Young children may have no personal ID yet; when given it must agree with the date of birth and gender.
      pid ? personalId('personal_id', pid, dobProblem ? undefined : dob, genderProblem ? undefined : (sex as Gender)) : null,
      requiredText('full_name', fullName, 100),
      dobProblem,
      genderProblem,
      requiredText('school_code', schoolCode, 20),
      requiredText('class_name', className, 40),
      grade('grade', gradeValue),
      schoolYear('school_year', year),
    );
  },
};
