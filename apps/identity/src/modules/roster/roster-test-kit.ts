import type { Principal } from '@edu/auth';
import { centuryGenderDigit, makeSectorId } from '@edu/ids';
import { OutboxWriter } from '@edu/messaging';
import type { DataSource } from '@edu/persistence';
import { Readable } from 'node:stream';
import { StaffRegistry } from '../people/staff-registry.js';
import { StudentEnrolments } from '../people/student-enrolments.js';
import { TeacherAssignments } from '../people/teacher-assignments.js';
import type { ImportMode, RosterImport } from './domain/roster-import.js';
import type { RosterKindName } from './domain/roster-rows.js';
import { ApplyRosterImport } from './import/apply-roster-import.js';
import { RosterImportWorker } from './import/roster-import-worker.js';
import { ValidateRosterImport } from './import/validate-roster-import.js';
import { RosterImports } from './roster-imports.repository.js';
import { RosterUploads } from './staging/roster-uploads.js';

/** Test support: the roster pipeline wired by hand on a data source, and rows that pass every check. */
export function rosterPipeline(ds: DataSource) {
  const outbox = new OutboxWriter('identity');
  const imports = new RosterImports(ds);
  const uploads = new RosterUploads(ds, imports);
  const validate = new ValidateRosterImport(ds, imports);
  const apply = new ApplyRosterImport(ds, imports, new StudentEnrolments(outbox), new StaffRegistry(outbox), new TeacherAssignments(outbox));
  const worker = new RosterImportWorker(ds, imports, validate, apply);
  const operator: Principal = { clientId: 'operator-test', org: '31000000', role: 'operator', scopes: ['operations'] };
  return {
    imports,
    uploads,
    validate,
    worker,
    /** Uploads `body` and runs the worker until the import is finished. */
    async run(body: string | Buffer, kind: RosterKindName = 'students', mode: ImportMode = 'all-or-nothing'): Promise<RosterImport> {
      const { id } = await uploads.receive(Readable.from([Buffer.from(body)]), kind, mode, operator);
      await worker.runPending();
      return (await imports.find(id))!;
    },
  };
}

export const STUDENTS_HEADER = 'student_id,personal_id,full_name,date_of_birth,gender,school_code,class_name,grade,school_year';
export const TEACHERS_HEADER = 'person_id,personal_id,full_name,date_of_birth,gender,role,org_code';
export const ASSIGNMENTS_HEADER = 'person_id,school_code,class_name,subject,school_year';

/** A valid students.csv row for serial `n` in a THPT grade 10 (born 2010), with fields replaced as given. */
export function studentRow(n: number, change: Partial<Record<'studentId' | 'personalId' | 'fullName' | 'dob' | 'gender' | 'school' | 'className' | 'grade' | 'year', string>> = {}): string {
  const gender = change.gender ?? (n % 2 ? 'NU' : 'NAM');
  const dob = change.dob ?? '2010-03-15';
  const year = Number(dob.slice(0, 4));
  const personalId = change.personalId ?? `031${centuryGenderDigit(year, gender as 'NAM' | 'NU')}${String(year % 100).padStart(2, '0')}${String(500000 + n).padStart(6, '0')}`;
  return [
    change.studentId ?? makeSectorId('31', 5_000_000 + n),
    personalId,
    quote(change.fullName ?? `Nguyễn Thị Hồng ${n}`),
    dob,
    gender,
    change.school ?? '31000101',
    change.className ?? '10A1',
    change.grade ?? '10',
    change.year ?? '2025-2026',
  ].join(',');
}

/** A valid teachers.csv row for serial `n` (born 1985), at `org`. */
export function teacherRow(n: number, change: Partial<Record<'personId' | 'personalId' | 'role' | 'org', string>> = {}): string {
  const gender = n % 2 ? 'NU' : 'NAM';
  const personalId = change.personalId ?? `001${centuryGenderDigit(1985, gender)}85${String(700000 + n).padStart(6, '0')}`;
  return [change.personId ?? makeSectorId('31', 6_000_000 + n), personalId, `Trần Văn Đức ${n}`, '1985-07-01', gender, change.role ?? 'TEACHER', change.org ?? '31000101'].join(',');
}

/** RFC 4180 quoting of one value. */
const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

export const csv = (header: string, rows: string[]) => `${header}\n${rows.join('\n')}\n`;
