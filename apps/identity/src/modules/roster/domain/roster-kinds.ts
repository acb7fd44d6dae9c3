import { ASSIGNMENT_ROWS } from './assignment-rows.js';
import type { RosterKindName, RosterRows } from './roster-rows.js';
import { STUDENT_ROWS } from './student-rows.js';
import { TEACHER_ROWS } from './teacher-rows.js';

export const ROSTER_ROWS: Record<RosterKindName, RosterRows> = {
  students: STUDENT_ROWS,
  teachers: TEACHER_ROWS,
  assignments: ASSIGNMENT_ROWS,
};

export const isRosterKind = (value: string): value is RosterKindName => Object.hasOwn(ROSTER_ROWS, value);
