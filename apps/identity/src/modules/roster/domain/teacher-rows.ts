import type { Gender } from '@edu/ids';
import { STAFF_ROLES } from '../../people/staff-registry.js';
import { dateOfBirth, gender, personalId, requiredText, sectorId } from './field-checks.js';
import { rowProblem } from './roster-problems.js';
import { found, type RosterRows } from './roster-rows.js';

const ROLES: ReadonlySet<string> = new Set(STAFF_ROLES);

/** teachers.csv: a member of staff (teacher, principal, clerk, operator) and the organisation they work for. */
export const TEACHER_ROWS: RosterRows = {
  kind: 'teachers',
  columns: ['person_id', 'personal_id', 'full_name', 'date_of_birth', 'gender', 'role', 'org_code'],
  check([personId, pid, fullName, dob, sex, role, orgCode], today) {
    const dobProblem = dateOfBirth('date_of_birth', dob, today);
    const genderProblem = gender('gender', sex);
    return found(
      sectorId('person_id', personId),
      // Staff are adults: the personal ID is required.
      pid ? personalId('personal_id', pid, dobProblem ? undefined : dob, genderProblem ? undefined : (sex as Gender)) : rowProblem('REQUIRED', 'personal_id'),
      requiredText('full_name', fullName, 100),
      dobProblem,
      genderProblem,
      ROLES.has(role) ? null : role ? rowProblem('ROLE_INVALID', 'role', role) : rowProblem('REQUIRED', 'role'),
      requiredText('org_code', orgCode, 20),
    );
  },
};
