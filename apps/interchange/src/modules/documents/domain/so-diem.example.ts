import { secondaryLevelFor } from './document-rule.js';
import type { DocumentSubject, ExampleContext } from './document-type.interface.js';
import { seededRandom } from './seeded-random.js';
import { fromTenths, requiredRegularCount, termAverageTenths } from './secondary-assessment.js';
import type { GradeBookRow, SoDiemContent } from './so-diem.schema.js';
import { THCS_SUBJECTS, THPT_COMPULSORY_SUBJECTS } from './subject-catalogue.js';

const EXAMPLE_SUBJECT = 'TOAN';
const EXAMPLE_TEACHER = 'Phạm Quang Huy';

/** A row whose scores are reproducible from the student's ID alone, and whose average follows Art. 9 by construction. */
function exampleRow(student: { studentId: string; fullName: string }, count: number): GradeBookRow {
  const rng = seededRandom(Number(student.studentId));
  const ability = rng.int(45, 95); // in tenths
  const around = (spread: number) => Math.min(100, Math.max(0, ability + rng.int(-spread, spread)));
  // Regular checks are usually marked in halves, periodic tests in tenths.
  const regular = Array.from({ length: count }, () => fromTenths(Math.round(around(15) / 5) * 5));
  const midterm = fromTenths(around(12));
  const final = fromTenths(around(12));
  const average = fromTenths(termAverageTenths(regular, midterm, final));
  return { studentId: student.studentId, fullName: student.fullName, regular, midterm, final, average };
}

/**
 * A valid term-I grade book in Toán for the context's class, one row per classmate. Sổ điểm here covers lower and upper
 * secondary only: a primary school has none, so asking for its example is refused.
 */
export function buildSoDiemExample(ctx: ExampleContext): { subject: DocumentSubject; content: SoDiemContent } {
  const level = secondaryLevelFor(ctx.school.level, { vi: 'sổ điểm', en: 'grade book' });
  const catalogue = level === 'THCS' ? THCS_SUBJECTS : THPT_COMPULSORY_SUBJECTS;
  const entry = catalogue.find((s) => s.code === EXAMPLE_SUBJECT);
  if (!entry?.periods) throw new Error(`the ${level} catalogue has no ${EXAMPLE_SUBJECT} with its periods`);
  const count = requiredRegularCount(entry.periods);
  const content: SoDiemContent = {
    level,
    school: { code: ctx.school.code, name: ctx.school.name },
    schoolYear: ctx.schoolYear,
    className: ctx.className,
    grade: ctx.grade,
    term: 'hk1',
    subjectCode: entry.code,
    subjectName: entry.name,
    yearlyPeriods: entry.periods,
    teacher: { name: EXAMPLE_TEACHER },
    principal: { name: ctx.principal },
    students: ctx.classmates.map((student) => exampleRow(student, count)),
  };
  return { subject: { className: ctx.className, subjectCode: entry.code, term: 'hk1' }, content };
}
