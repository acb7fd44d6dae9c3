import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ORGANISATIONS_CSV_HEADER } from '../organisations/organisations-csv.js';
import { ASSIGNMENT_ROWS } from '../roster/domain/assignment-rows.js';
import { STUDENT_ROWS } from '../roster/domain/student-rows.js';
import { TEACHER_ROWS } from '../roster/domain/teacher-rows.js';
import { classAssignments } from './class-assignments.js';
import { CsvFile } from './csv-file.js';
import { PersonFactory, type Person, type StaffRole } from './person-factory.js';
import { department, MINISTRY, provinceProfile } from './province-profile.js';
import { administration, planSchools, type SchoolPlan } from './school-plan.js';
import { SeededRandom } from './seeded-random.js';

export interface DemoDataOptions {
  province: string;
  schools: number;
  /** Rows of teachers.csv: a principal and a clerk per school, operators of the Sở, and teachers. */
  teachers: number;
  students: number;
  out: string;
  seed: string;
  schoolYear: string;
}

export type DemoDataCounts = Record<'organisations' | 'teachers' | 'assignments' | 'students', number>;

export const OPERATORS = 2;
/** Share of women among teachers, by school level (preschool teachers are almost all women). */
const WOMEN_TEACHING: Record<string, number> = { MAM_NON: 0.99, TIEU_HOC: 0.85, THCS: 0.75, THPT: 0.65, GDTX: 0.6, LIEN_CAP: 0.8 };
const WOMEN = { PRINCIPAL: 0.5, CLERK: 0.8, OPERATOR: 0.5 };

/**
 * Writes a province's demo rosters (organisations.csv, teachers.csv, assignments.csv, students.csv) into `out`,
 * school by school, so memory stays flat. The same options give the same bytes.
 */
export function generateDemoData(o: DemoDataOptions): DemoDataCounts {
  const province = provinceProfile(o.province, o.schools);
  if (!province) throw new RangeError(`unknown province ${o.province}`);
  if (o.teachers < 3 * o.schools + OPERATORS)
    throw new RangeError(`--teachers must be at least ${3 * o.schools + OPERATORS}: a principal, a clerk and a teacher per school, and ${OPERATORS} operators`);
  const rng = new SeededRandom(o.seed);
  const startYear = Number(o.schoolYear.slice(0, 4));
  const plan = planSchools(province, { schools: o.schools, teachers: o.teachers - 2 * o.schools - OPERATORS, students: o.students }, rng);
  const people = new PersonFactory(rng, province);

  mkdirSync(o.out, { recursive: true });
  const files = {
    organisations: new CsvFile(join(o.out, 'organisations.csv'), ORGANISATIONS_CSV_HEADER),
    teachers: new CsvFile(join(o.out, 'teachers.csv'), TEACHER_ROWS.columns),
    assignments: new CsvFile(join(o.out, 'assignments.csv'), ASSIGNMENT_ROWS.columns),
    students: new CsvFile(join(o.out, 'students.csv'), STUDENT_ROWS.columns),
  };
  const staff = (role: StaffRole, org: string, womenShare: number): Person => {
    const p = people.staff(role, startYear, womenShare);
    files.teachers.row([p.id, p.personalId, p.fullName, p.dateOfBirth, p.gender, role, org]);
    return p;
  };
  try {
    for (const org of [...administration(province, MINISTRY), ...plan.map((s) => s.org)])
      files.organisations.row([org.code, org.name, org.level, org.parentCode, org.address]);
    for (let i = 0; i < OPERATORS; i++) staff('OPERATOR', department(province).code, WOMEN.OPERATOR);
    for (const school of plan) writeSchool(school);
  } finally {
    for (const f of Object.values(files)) f.close();
  }
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, f.rows])) as DemoDataCounts;

  function writeSchool(school: SchoolPlan): void {
    const code = school.org.code;
    staff('PRINCIPAL', code, WOMEN.PRINCIPAL);
    staff('CLERK', code, WOMEN.CLERK);
    const teachers = Array.from({ length: school.teachers }, () => staff('TEACHER', code, WOMEN_TEACHING[school.org.level] ?? 0.7).id);
    for (const a of classAssignments(school, teachers)) files.assignments.row([a.personId, code, a.className, a.subject, o.schoolYear]);
    for (const c of school.classes) {
      for (let k = 0; k < c.students; k++) {
        const s = people.student(startYear - c.age, c.grade === 0);
        files.students.row([s.id, s.personalId, s.fullName, s.dateOfBirth, s.gender, code, c.name, c.grade, o.schoolYear]);
      }
    }
  }
}
