import type {
  PrimaryAward,
  PrimarySubject,
  PrimaryTraitLevel,
  PrimaryYearResult,
  PromotionDecision,
} from '@edu/contracts';

/**
 * Circular 27/2020, Art. 9 §2(a): the year's educational result. The circular's words are
 * qualitative; the thresholds below are our summary of them:
 * - Hoàn thành xuất sắc: every subject Hoàn thành tốt, every quality and competency Tốt, every
 *   end-of-year test ≥ 9;
 * - Hoàn thành tốt: the same with every test ≥ 7;
 * - Hoàn thành: every subject at least Hoàn thành, every quality and competency at least Đạt,
 *   every test ≥ 5;
 * - otherwise Chưa hoàn thành. So one Chưa hoàn thành subject rules out every higher result.
 */
export function primaryYearResult(
  subjects: readonly Pick<PrimarySubject, 'level' | 'testScore'>[],
  traits: readonly PrimaryTraitLevel[],
): PrimaryYearResult {
  const scores = subjects.flatMap((s) => (s.testScore === undefined ? [] : [s.testScore]));
  const allSubjects = (level: PrimarySubject['level']) => subjects.every((s) => s.level === level);
  const noIncomplete = subjects.every((s) => s.level !== 'Chưa hoàn thành');
  const allTraits = (level: PrimaryTraitLevel) => traits.every((t) => t === level);
  const noNeedsEffort = traits.every((t) => t !== 'Cần cố gắng');
  const testsAtLeast = (min: number) => scores.every((score) => score >= min);

  if (allSubjects('Hoàn thành tốt') && allTraits('Tốt') && testsAtLeast(9)) return 'Hoàn thành xuất sắc';
  if (allSubjects('Hoàn thành tốt') && allTraits('Tốt') && testsAtLeast(7)) return 'Hoàn thành tốt';
  if (noIncomplete && noNeedsEffort && testsAtLeast(5)) return 'Hoàn thành';
  return 'Chưa hoàn thành';
}

/**
 * Art. 10–11 (our summary): a student who completes the grade moves up, or completes primary
 * school in grade 5; one who does not is tutored over the summer and re-assessed, and a record
 * closed after that may say REPEAT.
 */
export function primaryDecisions(yearResult: PrimaryYearResult, grade: number): readonly PromotionDecision[] {
  if (yearResult === 'Chưa hoàn thành') return ['RE_ASSESSMENT', 'REPEAT'];
  return [grade === 5 ? 'PROGRAM_COMPLETED' : 'PROMOTED'];
}

/**
 * Art. 13: Học sinh Xuất sắc goes with Hoàn thành xuất sắc, always. Học sinh Tiêu biểu is the
 * class's choice among Hoàn thành tốt students (and, our reading, Hoàn thành xuất sắc students
 * are given Xuất sắc instead), so the rules can only bound it.
 */
export function primaryAwardAllowed(yearResult: PrimaryYearResult, award: PrimaryAward | null): boolean {
  if (yearResult === 'Hoàn thành xuất sắc') return award === 'HOC_SINH_XUAT_SAC';
  if (yearResult === 'Hoàn thành tốt') return award === null || award === 'HOC_SINH_TIEU_BIEU';
  return award === null;
}
