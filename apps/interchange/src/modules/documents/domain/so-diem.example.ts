import type { PrimarySubjectLevel } from '@edu/contracts';
import type { DocumentSubject, ExampleContext } from './document-type.interface.js';
import { seededRandom } from './seeded-random.js';
import { fromTenths, requiredRegularCount, termAverageTenths } from './secondary-assessment.js';
import type { PrimaryGradeBook, PrimaryGradeBookRow, ScoredGradeBook, ScoredGradeBookRow } from './so-diem.schema.js';
import { primaryCompulsorySubjects, THCS_SUBJECTS, THPT_COMPULSORY_SUBJECTS } from './subject-catalogue.js';

const EXAMPLE_SUBJECT = 'TOAN';
const EXAMPLE_TEACHER = 'Phạm Quang Huy';

type Student = { studentId: string; fullName: string };

/** A row whose scores are reproducible from the student's ID alone, and whose average follows Art. 9 by construction. */
function scoredRow(student: Student, count: number): ScoredGradeBookRow {
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
 * A pupil's level and test score, reproducible from the ID alone. Circular 27 does not derive one from the other, but
 * a plausible book has them agree: Hoàn thành tốt with 8–10, Hoàn thành with 5–8, Chưa hoàn thành below 5.
 */
function primaryRow(student: Student): PrimaryGradeBookRow {
  const rng = seededRandom(Number(student.studentId));
  const roll = rng.int(1, 10);
  const level: PrimarySubjectLevel = roll <= 5 ? 'Hoàn thành tốt' : roll <= 9 ? 'Hoàn thành' : 'Chưa hoàn thành';
  const testScore = level === 'Hoàn thành tốt' ? rng.int(8, 10) : level === 'Hoàn thành' ? rng.int(5, 8) : rng.int(2, 4);
  return { studentId: student.studentId, fullName: student.fullName, level, testScore };
}

/** What every form of the example shares: the context's school, year and class, in term I. */
function head(ctx: ExampleContext) {
  return {
    school: { code: ctx.school.code, name: ctx.school.name },
    schoolYear: ctx.schoolYear,
    className: ctx.className,
    grade: ctx.grade,
    term: 'hk1' as const,
  };
}

/**
 * A valid term-I grade book in Toán for the context's class, one row per classmate: scores for a THCS or THPT class;
 * levels and end-of-term test scores for a primary one (Toán is tested in every primary grade), whose Toán the
 * homeroom teacher teaches, as primary class teachers do.
 */
export function buildSoDiemExample(ctx: ExampleContext): { subject: DocumentSubject; content: ScoredGradeBook | PrimaryGradeBook } {
  const subject = { className: ctx.className, subjectCode: EXAMPLE_SUBJECT, term: 'hk1' as const };
  const level = ctx.school.level;
  if (level === 'TIEU_HOC') {
    const entry = primaryCompulsorySubjects(ctx.grade).find((s) => s.code === EXAMPLE_SUBJECT);
    if (!entry) throw new Error(`grade ${ctx.grade} has no ${EXAMPLE_SUBJECT}`);
    const content: PrimaryGradeBook = {
      level,
      ...head(ctx),
      subjectCode: entry.code,
      subjectName: entry.name,
      teacher: { name: ctx.homeroomTeacher },
      principal: { name: ctx.principal },
      students: ctx.classmates.map(primaryRow),
    };
    return { subject, content };
  }
  const catalogue = level === 'THCS' ? THCS_SUBJECTS : THPT_COMPULSORY_SUBJECTS;
  const entry = catalogue.find((s) => s.code === EXAMPLE_SUBJECT);
  if (!entry?.periods) throw new Error(`the ${level} catalogue has no ${EXAMPLE_SUBJECT} with its periods`);
  const count = requiredRegularCount(entry.periods);
  const content: ScoredGradeBook = {
    level,
    ...head(ctx),
    subjectCode: entry.code,
    subjectName: entry.name,
    yearlyPeriods: entry.periods,
    teacher: { name: EXAMPLE_TEACHER },
    principal: { name: ctx.principal },
    students: ctx.classmates.map((student) => scoredRow(student, count)),
  };
  return { subject, content };
}
