import { Module } from '@nestjs/common';
import { StaffRegistry } from './staff-registry.js';
import { StudentEnrolments } from './student-enrolments.js';
import { TeacherAssignments } from './teacher-assignments.js';

/** Students, staff and teaching assignments: the registry writers that rosters and the seed go through. */
@Module({
  providers: [StudentEnrolments, StaffRegistry, TeacherAssignments],
  exports: [StudentEnrolments, StaffRegistry, TeacherAssignments],
})
export class PeopleModule {}
