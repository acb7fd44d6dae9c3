import type { DemoDataOptions } from './demo-data-generator.js';
import { currentSchoolYear, isSchoolYear } from './school-year.js';

export const DEMO_DATA_USAGE =
  'usage: demo-data (--preset haiphong | --province <name> --schools N --teachers N --students N) --out <dir> [--seed S] [--school-year 2025-2026]';

/** Hải Phòng as the sector database counts it: 800+ institutions, 32,000+ teachers, 521,000+ students. */
export const PRESETS: Record<string, Omit<DemoDataOptions, 'out' | 'seed' | 'schoolYear'>> = {
  haiphong: { province: 'Hải Phòng', schools: 800, teachers: 32_000, students: 521_000 },
};

export type DemoDataFlags = Partial<Record<'preset' | 'province' | 'schools' | 'teachers' | 'students' | 'out' | 'seed' | 'school-year', string>>;

const count = (flag: string, value: string | undefined, max: number): number => {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) > max) throw new RangeError(`--${flag} must be a whole number up to ${max}`);
  return Number(value);
};

/** Reads the command line of `demo-data`; a preset gives the counts, which explicit flags still override. */
export function readDemoDataOptions(flags: DemoDataFlags): DemoDataOptions {
  const preset = flags.preset === undefined ? undefined : PRESETS[flags.preset];
  if (flags.preset !== undefined && !preset) throw new RangeError(`unknown preset ${flags.preset} (${Object.keys(PRESETS).join(', ')})`);
  if (!flags.out) throw new RangeError('--out <dir> is required');
  const schoolYear = flags['school-year'] ?? currentSchoolYear();
  if (!isSchoolYear(schoolYear)) throw new RangeError('--school-year must look like 2025-2026');
  const province = flags.province ?? preset?.province;
  if (!province) throw new RangeError('--province <name> is required');
  return {
    province,
    schools: count('schools', flags.schools ?? preset?.schools.toString(), 10_000),
    teachers: count('teachers', flags.teachers ?? preset?.teachers.toString(), 900_000),
    students: count('students', flags.students ?? preset?.students.toString(), 8_000_000),
    out: flags.out,
    seed: flags.seed ?? 'edu-interop',
    schoolYear,
  };
}
