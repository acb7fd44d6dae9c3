import type { OrganisationDraft } from '../organisations/organisation.js';
import { apportion } from './apportion.js';
import { department, districtLabel, districtOffice, type District, type ProvinceProfile } from './province-profile.js';
import { LEVEL_PROFILES, PRESCHOOL_GROUPS, className, type LevelProfile } from './school-levels.js';
import { schoolNames, STREETS } from './school-names.js';
import type { SeededRandom } from './seeded-random.js';

export interface ClassPlan {
  name: string;
  grade: number;
  /** Age at the start of the school year of every pupil in the class. */
  age: number;
  /** Position among the classes of its grade (0-based). */
  index: number;
  students: number;
}

export interface SchoolPlan {
  org: OrganisationDraft;
  profile: LevelProfile;
  classes: ClassPlan[];
  /** Teachers besides the principal and the clerk. */
  teachers: number;
}

/** Serial digits in a school code: at most 99 schools of one type per district. */
const MAX_PER_DISTRICT = 99;

/**
 * Lays out the province: how many schools of each level in each district, their codes, names and addresses, how many
 * pupils each has (±40 % around the level's typical size, adding up to `students` exactly), their classes, and how
 * many teachers (in proportion to classes, adding up to `teachers` exactly).
 */
export function planSchools(p: ProvinceProfile, totals: { schools: number; teachers: number; students: number }, rng: SeededRandom): SchoolPlan[] {
  const perLevel = apportion(totals.schools, LEVEL_PROFILES.map((l) => l.share));
  const weights = p.districts.map((d) => d.weight);
  const schools: Array<{ org: OrganisationDraft; profile: LevelProfile }> = [];
  LEVEL_PROFILES.forEach((profile, li) => {
    apportion(perLevel[li], weights).forEach((count, di) => {
      const d = p.districts[di];
      if (count > MAX_PER_DISTRICT) throw new RangeError(`${count} ${profile.level} schools in ${districtLabel(d)}: at most ${MAX_PER_DISTRICT} per district`);
      schoolNames(profile.level, count, rng.int(60)).forEach((name, i) => schools.push({ profile, org: school(p, d, profile, i, name, rng) }));
    });
  });
  const pupils = apportion(totals.students, schools.map((s) => s.profile.typicalStudents * (0.6 + 0.8 * rng.next())));
  const planned = schools.map((s, i) => ({ ...s, classes: layClasses(s.profile, pupils[i], rng), teachers: 0 }));
  const spare = totals.teachers - planned.length;
  const shares = apportion(Math.max(0, spare), planned.map((s) => Math.max(1, s.classes.length) * s.profile.teachersPerClass));
  planned.forEach((s, i) => (s.teachers = 1 + shares[i]));
  return planned;
}

/** Bộ, Sở and the Phòngs of the province, parents first. */
export function administration(p: ProvinceProfile, ministry: OrganisationDraft): OrganisationDraft[] {
  return [ministry, department(p), ...p.districts.map((d) => districtOffice(p, d))];
}

function school(p: ProvinceProfile, d: District, profile: LevelProfile, i: number, name: string, rng: SeededRandom): OrganisationDraft {
  const gdtx = profile.level === 'GDTX';
  const place = d.kind === 'khu vực' ? `Khu vực ${d.name}` : d.name;
  return {
    code: `${p.code2}${d.no}${profile.type}${String(i + 1).padStart(2, '0')}`,
    name: gdtx ? `${profile.namePrefix} ${districtLabel(d)}${i ? ` số ${i + 1}` : ''}` : `${profile.namePrefix} ${name}`,
    level: profile.level,
    parentCode: profile.parent === 'SO' ? department(p).code : districtOffice(p, d).code,
    address: `${rng.between(1, 300)} ${rng.pick(STREETS)}, ${place}, ${p.name}`,
  };
}

/** Spreads a school's pupils over its grades (±10 %) and each grade over classes of about the level's size. */
function layClasses(profile: LevelProfile, students: number, rng: SeededRandom): ClassPlan[] {
  const steps = profile.level === 'MAM_NON'
    ? PRESCHOOL_GROUPS.map((g) => ({ grade: 0, group: g.name, age: g.age }))
    : profile.grades.map((grade) => ({ grade, group: '', age: grade + 6 }));
  const perStep = apportion(students, steps.map(() => 0.9 + 0.2 * rng.next()));
  return steps.flatMap((step, si) => {
    if (!perStep[si]) return [];
    const count = Math.max(1, Math.round(perStep[si] / profile.classSize));
    return apportion(perStep[si], Array(count).fill(1)).map((n, index) => ({
      name: className(step.grade, step.group, index), grade: step.grade, age: step.age, index, students: n,
    }));
  });
}
