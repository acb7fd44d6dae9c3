import type {
  CommentSubject,
  CommentTerm,
  ScoredSubject,
  ScoredTerm,
  SecondaryHocBaContent,
  SecondaryLevel,
  SecondaryRating,
  SecondarySubject,
} from '@edu/contracts';
import { periodResults } from './hoc-ba-secondary.rules.js';
import type { SeededRandom } from './seeded-random.js';
import {
  fromTenths,
  learningResult,
  requiredRegularCount,
  secondaryAward,
  secondaryDecisions,
  termAverageTenths,
  yearAverageTenths,
} from './secondary-assessment.js';
import {
  FINAL_GRADE,
  THCS_SUBJECTS,
  THPT_COMPULSORY_SUBJECTS,
  THPT_ELECTIVE_SUBJECTS,
  type CatalogueSubject,
} from './subject-catalogue.js';

type Common = Omit<SecondaryHocBaContent, 'level' | 'subjects' | 'conduct' | 'learningResult' | 'award' | 'promotion' | 'remarks'>;

/** Elective combinations schools commonly offer (natural sciences, social sciences, technology, arts). */
const ELECTIVE_COMBINATIONS: readonly (readonly string[])[] = [
  ['VAT_LI', 'HOA_HOC', 'SINH_HOC', 'TIN_HOC'],
  ['VAT_LI', 'HOA_HOC', 'CONG_NGHE', 'TIN_HOC'],
  ['DIA_LI', 'GDKT_PL', 'VAT_LI', 'TIN_HOC'],
  ['DIA_LI', 'GDKT_PL', 'CONG_NGHE', 'AM_NHAC'],
  ['HOA_HOC', 'SINH_HOC', 'DIA_LI', 'MI_THUAT'],
];

function subjectsFor(level: SecondaryLevel, grade: number, rng: SeededRandom): CatalogueSubject[] {
  if (level === 'THCS') {
    // Công nghệ has 52 periods in grade 9 (career-orientation modules), 35 before.
    return THCS_SUBJECTS.map((s) => (s.code === 'CONG_NGHE' && grade === 9 ? { ...s, periods: 52 } : s));
  }
  const combination = rng.pick(ELECTIVE_COMBINATIONS);
  return [...THPT_COMPULSORY_SUBJECTS, ...THPT_ELECTIVE_SUBJECTS.filter((s) => combination.includes(s.code))];
}

function scoredTerm(count: number, centre: number, rng: SeededRandom): ScoredTerm {
  const tenths = (spread: number) => Math.min(100, Math.max(0, centre + rng.int(-spread, spread)));
  // Regular checks are usually marked in halves; periodic tests in tenths.
  const regular = Array.from({ length: count }, () => fromTenths(Math.round(tenths(15) / 5) * 5));
  const midterm = fromTenths(tenths(12));
  const final = fromTenths(tenths(12));
  return { regular, midterm, final, average: fromTenths(termAverageTenths(regular, midterm, final)) };
}

function buildSubject(entry: CatalogueSubject, ability: number, rng: SeededRandom): SecondarySubject {
  const yearlyPeriods = entry.periods ?? 35;
  const count = requiredRegularCount(yearlyPeriods);
  const head = { code: entry.code, name: entry.name, yearlyPeriods };
  if (entry.assessment === 'comment') {
    const term = (): CommentTerm => ({ regular: new Array<'Đạt'>(count).fill('Đạt'), midterm: 'Đạt', final: 'Đạt', result: 'Đạt' });
    const subject: CommentSubject = { ...head, assessment: 'comment', terms: { hk1: term(), hk2: term() }, yearResult: 'Đạt' };
    return subject;
  }
  const centre = ability + rng.int(-10, 10);
  const hk1 = scoredTerm(count, centre, rng);
  const hk2 = scoredTerm(count, centre + rng.int(-3, 6), rng);
  const subject: ScoredSubject = {
    ...head,
    assessment: 'score',
    terms: { hk1, hk2 },
    yearAverage: fromTenths(yearAverageTenths(hk1.average, hk2.average)),
  };
  return subject;
}

const REMARKS: Record<SecondaryRating, string> = {
  'Tốt': 'Chăm ngoan, học tập tích cực, có tinh thần tự học và giúp đỡ bạn bè.',
  'Khá': 'Có cố gắng trong học tập, cần phát huy hơn nữa ở các môn còn yếu.',
  'Đạt': 'Cần chăm chỉ hơn, dành thêm thời gian ôn luyện các môn học.',
  'Chưa đạt': 'Cần cố gắng nhiều, gia đình phối hợp với nhà trường theo dõi việc học.',
};

/** A plausible THCS or THPT record whose numbers follow Circular 22/2021 by construction. */
export function buildSecondaryExample(level: SecondaryLevel, common: Common, rng: SeededRandom): SecondaryHocBaContent {
  const ability = rng.int(55, 92); // the student's typical score, in tenths
  const subjects = subjectsFor(level, common.grade, rng).map((entry) => buildSubject(entry, ability, rng));
  const conductRating: SecondaryRating = ability >= 70 || rng.int(0, 1) === 0 ? 'Tốt' : 'Khá';
  const conduct = { hk1: conductRating, hk2: conductRating, year: conductRating };
  const learning = {
    hk1: learningResult(periodResults(subjects, 'hk1')),
    hk2: learningResult(periodResults(subjects, 'hk2')),
    year: learningResult(periodResults(subjects, 'year')),
  };
  const finalGrade = common.grade === FINAL_GRADE[level];
  const [decision] = secondaryDecisions(conduct.year, learning.year, common.daysAbsent, finalGrade);
  return {
    ...common,
    level,
    subjects,
    conduct,
    learningResult: learning,
    remarks: REMARKS[learning.year],
    promotion: { decision },
    award: secondaryAward(conduct.year, learning.year, periodResults(subjects, 'year').scoredTenths),
  };
}
