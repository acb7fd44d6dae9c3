import { secondaryLevelFor } from './document-rule.js';
import type { SecondaryLevel } from '@edu/contracts';
import type { DocumentSubject, ExampleContext } from './document-type.interface.js';
import { buildHocBaExample } from './hoc-ba.example.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';
import { fromTenths, learningResult } from './secondary-assessment.js';
import { GRADES_BY_LEVEL, THCS_SUBJECTS, THPT_COMPULSORY_SUBJECTS, THPT_ELECTIVE_SUBJECTS } from './subject-catalogue.js';
import type { CatalogueSubject } from './subject-catalogue.js';
import { yearPeriodResults } from './transcript.rules.js';
import type { TranscriptContent, TranscriptSubject, TranscriptYear } from './transcript.schema.js';

/**
 * The subjects the student takes at the level. At THPT the four electives are those the student's học bạ example
 * takes, so the two documents built for one student agree.
 */
function curriculum(level: SecondaryLevel, ctx: ExampleContext): readonly CatalogueSubject[] {
  if (level === 'THCS') return THCS_SUBJECTS;
  const taken = new Set(buildHocBaExample(ctx).subjects.map((s) => s.code));
  return [...THPT_COMPULSORY_SUBJECTS, ...THPT_ELECTIVE_SUBJECTS.filter((s) => taken.has(s.code))];
}

/** One year's results around the student's ability (in tenths); the learning result follows by construction. */
function exampleYear(
  head: Pick<TranscriptYear, 'schoolYear' | 'grade' | 'className'>,
  curriculum: readonly CatalogueSubject[],
  ability: number,
  rng: SeededRandom,
): TranscriptYear {
  const subjects = curriculum.map((entry): TranscriptSubject => {
    const { code, name } = entry;
    if (entry.assessment === 'comment') return { code, name, assessment: 'comment', yearResult: 'Đạt' };
    const tenths = Math.min(100, Math.max(0, ability + rng.int(-10, 10)));
    return { code, name, assessment: 'score', yearAverage: fromTenths(tenths) };
  });
  return { ...head, subjects, learningResult: learningResult(yearPeriodResults(subjects)), conduct: 'Tốt' };
}

/**
 * A valid transcript of the context's student: every year of the level from its first grade up to the context's, the
 * last one being the context's school year, issued on 25 May of that year. Its request number
 * `BD-<school code>-<year>-<last 6 digits of the sector ID>` is stable, so a rebuilt example supersedes the earlier
 * one instead of adding a record. A primary school issues no bảng điểm here, so asking for its example is refused.
 */
export function buildTranscriptExample(ctx: ExampleContext): { subject: DocumentSubject; content: TranscriptContent } {
  const level = secondaryLevelFor(ctx.school.level, { vi: 'bảng điểm', en: 'transcript' });
  const { studentId, fullName, dateOfBirth, gender, personalId } = ctx.student;
  const rng = seededRandom(Number(studentId));
  const ability = rng.int(55, 92);
  const subjects = curriculum(level, ctx);
  const [firstGrade] = GRADES_BY_LEVEL[level];
  const lastStart = Number(ctx.schoolYear.slice(0, 4));
  const years = Array.from({ length: ctx.grade - firstGrade + 1 }, (_, i) => {
    const grade = firstGrade + i;
    const start = lastStart - (ctx.grade - grade);
    // The directory knows only this year's class: earlier ones are named after it (8A1 → 6A1, 7A1).
    const className = ctx.className.replace(/^[0-9]+/, String(grade));
    return exampleYear({ schoolYear: `${start}-${start + 1}`, grade, className }, subjects, ability, rng);
  });
  const endYear = ctx.schoolYear.slice(5);
  // School codes may hold lower case and '_', which a request number may not.
  const school = ctx.school.code.toUpperCase().replace(/[^A-Z0-9.-]/g, '').slice(0, 20);
  const content: TranscriptContent = {
    level,
    school: { code: ctx.school.code, name: ctx.school.name },
    schoolYear: ctx.schoolYear,
    student: { studentId, fullName, dateOfBirth, gender, ...(personalId === undefined ? {} : { personalId }) },
    requestNumber: `BD-${school}-${endYear}-${studentId.slice(-6)}`,
    issuedOn: `${endYear}-05-25`,
    purpose: 'Bổ sung hồ sơ chuyển trường',
    years,
    principal: { name: ctx.principal },
  };
  return { subject: { studentId }, content };
}
