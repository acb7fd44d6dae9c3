import { BIRTH_PROVINCES, centuryGenderDigit, type Gender } from '@edu/ids';
import type { SeededRandom } from './seeded-random.js';

/** Steps through all 10⁶ endings of a bucket in a scattered order: coprime to 10⁶, so no ending repeats. */
const STRIDE = 738_979;
const ENDINGS = 1_000_000;

/**
 * Issues well-formed personal IDs (CCCD): province of birth registration, century-and-gender digit, two-digit birth
 * year, six digits. Endings are drawn without repetition within each (province, century/gender, year) bucket, so the
 * IDs are unique without remembering them.
 */
export class PersonalIds {
  private readonly buckets = new Map<string, { start: number; next: number }>();
  private readonly elsewhere: string[];

  constructor(
    private readonly rng: SeededRandom,
    private readonly home: string,
  ) {
    this.elsewhere = Object.keys(BIRTH_PROVINCES).filter((c) => c !== home);
  }

  /** An ID for someone born in `birthYear`, registered at home with probability `homeShare`, else elsewhere. */
  issue(birthYear: number, gender: Gender, homeShare: number): string {
    const province = this.rng.chance(homeShare) ? this.home : this.rng.pick(this.elsewhere);
    const prefix = `${province}${centuryGenderDigit(birthYear, gender)}${String(birthYear % 100).padStart(2, '0')}`;
    let bucket = this.buckets.get(prefix);
    if (!bucket) this.buckets.set(prefix, (bucket = { start: this.rng.int(ENDINGS), next: 0 }));
    if (bucket.next >= ENDINGS) throw new RangeError(`no personal IDs left for ${prefix}`);
    const ending = (bucket.start + bucket.next++ * STRIDE) % ENDINGS;
    return `${prefix}${String(ending).padStart(6, '0')}`;
  }
}
