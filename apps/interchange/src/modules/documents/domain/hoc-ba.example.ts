import type { HocBaContent, HocBaStudent, SchoolLevel } from '@edu/contracts';
import { buildPrimaryExample } from './hoc-ba-primary.example.js';
import { buildSecondaryExample } from './hoc-ba-secondary.example.js';
import { seededRandom } from './seeded-random.js';

export interface HocBaExampleInput {
  student: HocBaStudent;
  school: { code: string; name: string; level: SchoolLevel };
  className: string;
  grade: number;
  schoolYear: string;
  homeroomTeacher: string;
  principal: string;
  /** Same seed, same record; defaults to a hash of the student ID. */
  seed?: number;
}

function hashSeed(text: string): number {
  let hash = 2166136261;
  for (const ch of text) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
  return hash >>> 0;
}

/** Canonical JSON drops undefined members anyway; dropping them here keeps the object equal to its bytes. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A valid, realistic học bạ content for fixtures, demos and load tests. Averages, results,
 * promotion and award come from the same functions the rules use, so it passes validation
 * whenever the input itself is consistent (grade within the level, consecutive school year).
 */
export function buildHocBaExample(input: HocBaExampleInput): HocBaContent {
  const rng = seededRandom(input.seed ?? hashSeed(input.student.studentId));
  const common = {
    grade: input.grade,
    className: input.className,
    schoolYear: input.schoolYear,
    student: withoutUndefined(input.student),
    school: { code: input.school.code, name: input.school.name },
    daysAbsent: rng.int(0, 3) === 0 ? rng.int(1, 8) : 0,
    homeroomTeacher: { name: input.homeroomTeacher },
    principal: { name: input.principal },
  };
  return input.school.level === 'TIEU_HOC'
    ? buildPrimaryExample(common, rng)
    : buildSecondaryExample(input.school.level, common, rng);
}
