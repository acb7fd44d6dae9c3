import type { CommentResult, PromotionDecision, SecondaryRating } from '@edu/contracts';

/**
 * Circular 22/2021 arithmetic. Scores carry one decimal, so every computation runs on integer
 * tenths (7.3 → 73): no binary floating point reaches a comparison or a rounding.
 */

export function toTenths(score: number): number {
  return Math.round(score * 10);
}

export function fromTenths(tenths: number): number {
  return tenths / 10;
}

/** numerator / denominator rounded half up, for non-negative integers. */
function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Art. 7: ĐĐGtx per term — 2 up to 35 periods a year, 3 up to 70, 4 above. */
export function requiredRegularCount(yearlyPeriods: number): number {
  if (yearlyPeriods <= 35) return 2;
  if (yearlyPeriods <= 70) return 3;
  return 4;
}

/** Art. 9: ĐTBmhk = (Σ ĐĐGtx + 2·ĐĐGgk + 3·ĐĐGck) / (n + 5), to one decimal, in tenths. */
export function termAverageTenths(regular: readonly number[], midterm: number, final: number): number {
  const sum = regular.reduce((acc, s) => acc + toTenths(s), 0) + 2 * toTenths(midterm) + 3 * toTenths(final);
  return divideHalfUp(sum, regular.length + 5);
}

/** Art. 9: ĐTBmcn = (ĐTBmhkI + 2·ĐTBmhkII) / 3, to one decimal, in tenths. */
export function yearAverageTenths(hk1Average: number, hk2Average: number): number {
  return divideHalfUp(toTenths(hk1Average) + 2 * toTenths(hk2Average), 3);
}

/**
 * Art. 9 §1(a): a comment subject's term result is Đạt when the term has every assessment it needs (counted on their
 * own: requiredRegularCount, one mid-term, one end-of-term) and all of them are Đạt; otherwise Chưa đạt.
 */
export function commentTermResult(regular: readonly CommentResult[], midterm: CommentResult, final: CommentResult): CommentResult {
  return [...regular, midterm, final].every((r) => r === 'Đạt') ? 'Đạt' : 'Chưa đạt';
}

/**
 * A comment subject's year result is its term II result (Art. 9 §1 — our reading; check against
 * the circular before relying on it for appeals).
 */
export function commentYearResult(hk2: CommentResult): CommentResult {
  return hk2;
}

/** One period's view of the subjects: scored averages in tenths, comment results as passed or not. */
export interface PeriodResults {
  scoredTenths: readonly number[];
  commentPassed: readonly boolean[];
}

// Index into SECONDARY_RATINGS reversed: 3 = Tốt … 0 = Chưa đạt.
const RATING_BY_RANK: readonly SecondaryRating[] = ['Chưa đạt', 'Đạt', 'Khá', 'Tốt'];

function baseRank({ scoredTenths, commentPassed }: PeriodResults): number {
  const failedComments = commentPassed.filter((passed) => !passed).length;
  const atLeast = (tenths: number) => scoredTenths.filter((s) => s >= tenths).length;
  const allAtLeast = (tenths: number) => scoredTenths.every((s) => s >= tenths);
  if (failedComments === 0 && allAtLeast(65) && atLeast(80) >= 6) return 3;
  if (failedComments === 0 && allAtLeast(50) && atLeast(65) >= 6) return 2;
  if (failedComments <= 1 && atLeast(50) >= 6 && allAtLeast(35)) return 1;
  return 0;
}

/**
 * Art. 9 §2: the learning result of a term or the year. Point (b) lifts a result that one single
 * subject dragged down by two levels or more to the level just above it. Our reading of "only
 * because of one subject": replacing that subject's result by the best one (10.0 or Đạt) would
 * put the student two or more levels higher.
 */
export function learningResult(period: PeriodResults): SecondaryRating {
  const rank = baseRank(period);
  let best = rank;
  period.scoredTenths.forEach((_, i) => {
    const scoredTenths = period.scoredTenths.map((s, j) => (j === i ? 100 : s));
    best = Math.max(best, baseRank({ scoredTenths, commentPassed: period.commentPassed }));
  });
  period.commentPassed.forEach((_, i) => {
    const commentPassed = period.commentPassed.map((p, j) => (j === i ? true : p));
    best = Math.max(best, baseRank({ scoredTenths: period.scoredTenths, commentPassed }));
  });
  return RATING_BY_RANK[best - rank >= 2 ? rank + 1 : rank];
}

export function ratingAtLeast(rating: SecondaryRating, floor: SecondaryRating): boolean {
  return RATING_BY_RANK.indexOf(rating) >= RATING_BY_RANK.indexOf(floor);
}

/** Art. 15: Học sinh Xuất sắc needs both year results Tốt and at least six ĐTBmcn ≥ 9.0. */
export function secondaryAward(
  conductYear: SecondaryRating,
  learningYear: SecondaryRating,
  yearAveragesTenths: readonly number[],
): 'HOC_SINH_XUAT_SAC' | 'HOC_SINH_GIOI' | null {
  if (conductYear !== 'Tốt' || learningYear !== 'Tốt') return null;
  return yearAveragesTenths.filter((t) => t >= 90).length >= 6 ? 'HOC_SINH_XUAT_SAC' : 'HOC_SINH_GIOI';
}

export const MAX_DAYS_ABSENT = 45;

/**
 * Art. 12–14: the decisions a record may carry. Eligible students move up (or complete the level in
 * its last grade); more than 45 absences means repeating; otherwise conduct Chưa đạt goes to summer
 * training and learning Chưa đạt to re-assessment, and a record closed after those may say REPEAT.
 * The first decision listed is the one an ordinary year-end record carries.
 */
export function secondaryDecisions(
  conductYear: SecondaryRating,
  learningYear: SecondaryRating,
  daysAbsent: number,
  finalGrade: boolean,
): readonly PromotionDecision[] {
  if (daysAbsent > MAX_DAYS_ABSENT) return ['REPEAT'];
  if (ratingAtLeast(conductYear, 'Đạt') && ratingAtLeast(learningYear, 'Đạt')) {
    return [finalGrade ? 'PROGRAM_COMPLETED' : 'PROMOTED'];
  }
  if (!ratingAtLeast(conductYear, 'Đạt')) return ['SUMMER_CONDUCT_TRAINING', 'REPEAT'];
  return ['RE_ASSESSMENT', 'REPEAT'];
}
