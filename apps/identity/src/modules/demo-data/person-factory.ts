import { makeSectorId, type Gender } from '@edu/ids';
import type { STAFF_ROLES } from '../people/staff-registry.js';
import { PersonalIds } from './personal-ids.js';
import type { ProvinceProfile } from './province-profile.js';
import type { SeededRandom } from './seeded-random.js';
import { VietnameseNames } from './vietnamese-names.js';

export interface Person {
  /** The 10-digit sector ID (student_id or person_id). */
  id: string;
  personalId: string | null;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
}

export type StaffRole = (typeof STAFF_ROLES)[number];

const DAY_MS = 86_400_000;
/** Ages at the start of the school year, by role. */
const STAFF: Record<StaffRole, { minAge: number; maxAge: number }> = {
  TEACHER: { minAge: 23, maxAge: 58 },
  PRINCIPAL: { minAge: 38, maxAge: 58 },
  CLERK: { minAge: 24, maxAge: 55 },
  OPERATOR: { minAge: 27, maxAge: 50 },
};
/** Most pupils were registered at birth in the province; staff come from further away more often. */
const HOME_SHARE = { student: 0.92, staff: 0.8 };
/** Boys are slightly more numerous at school age (sex ratio at birth ~1.1). */
const MALE_SHARE = 0.515;
/** Share of preschool children whose parents have not yet given the school their personal ID. */
const PRESCHOOL_WITHOUT_ID = 0.15;

/** Makes students and staff with valid, unique sector and personal IDs, consistent names, genders and birth dates. */
export class PersonFactory {
  private serial: number;
  private readonly names: VietnameseNames;
  private readonly personalIds: PersonalIds;
  private readonly calendar = new Map<number, string[]>();

  constructor(
    private readonly rng: SeededRandom,
    private readonly province: ProvinceProfile,
    firstSerial = 1,
  ) {
    this.serial = firstSerial;
    this.names = new VietnameseNames(rng);
    this.personalIds = new PersonalIds(rng, province.birthCode);
  }

  /** A pupil born in `birthYear` (the school year's first year minus grade and six, or minus the preschool age). */
  student(birthYear: number, preschool: boolean): Person {
    const gender: Gender = this.rng.chance(MALE_SHARE) ? 'NAM' : 'NU';
    const withId = !preschool || !this.rng.chance(PRESCHOOL_WITHOUT_ID);
    return this.person(gender, birthYear, 'child', withId ? HOME_SHARE.student : null);
  }

  /** A member of staff aged for `role` at the start of `startYear`; `femaleShare` depends on the school level. */
  staff(role: StaffRole, startYear: number, femaleShare: number): Person {
    const gender: Gender = this.rng.chance(femaleShare) ? 'NU' : 'NAM';
    const age = this.rng.between(STAFF[role].minAge, STAFF[role].maxAge);
    return this.person(gender, startYear - age, 'adult', HOME_SHARE.staff);
  }

  private person(gender: Gender, birthYear: number, generation: 'child' | 'adult', homeShare: number | null): Person {
    const id = makeSectorId(this.province.code2, this.serial++);
    const days = this.daysOf(birthYear);
    return {
      id,
      personalId: homeShare === null ? null : this.personalIds.issue(birthYear, gender, homeShare),
      fullName: this.names.fullName(gender, generation),
      dateOfBirth: days[this.rng.int(days.length)],
      gender,
    };
  }

  /** Every date of a year, written once: formatting half a million dates one by one is the generator's slowest part. */
  private daysOf(year: number): string[] {
    let days = this.calendar.get(year);
    if (!days) {
      const first = Date.UTC(year, 0, 1);
      const count = Math.round((Date.UTC(year + 1, 0, 1) - first) / DAY_MS);
      days = Array.from({ length: count }, (_, d) => new Date(first + d * DAY_MS).toISOString().slice(0, 10));
      this.calendar.set(year, days);
    }
    return days;
  }
}
