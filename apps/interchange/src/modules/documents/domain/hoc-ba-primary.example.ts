import type {
  PrimaryCompetencies,
  PrimaryHocBaContent,
  PrimaryQualities,
  PrimarySubject,
  PrimarySubjectLevel,
  PrimaryTraitLevel,
  PrimaryYearResult,
} from '@edu/contracts';
import { primaryTraits } from './hoc-ba-primary.rules.js';
import { primaryDecisions, primaryYearResult } from './primary-assessment.js';
import type { SeededRandom } from './seeded-random.js';
import { primaryCompulsorySubjects, primaryTestedSubjectCodes } from './subject-catalogue.js';

type Common = Omit<
  PrimaryHocBaContent,
  'level' | 'subjects' | 'qualities' | 'competencies' | 'yearResult' | 'award' | 'promotion' | 'remarks'
>;

const SUBJECT_COMMENTS: Record<PrimarySubjectLevel, string> = {
  'Hoàn thành tốt': 'Nắm vững kiến thức, vận dụng tốt vào bài tập.',
  'Hoàn thành': 'Hoàn thành các yêu cầu của môn học.',
  'Chưa hoàn thành': 'Cần luyện tập thêm để đạt yêu cầu của môn học.',
};

const REMARKS: Record<PrimaryYearResult, string> = {
  'Hoàn thành xuất sắc': 'Học sinh xuất sắc, chăm ngoan, là tấm gương cho các bạn trong lớp.',
  'Hoàn thành tốt': 'Chăm ngoan, tiếp thu bài tốt, tích cực tham gia hoạt động của lớp.',
  'Hoàn thành': 'Hoàn thành chương trình lớp học, cần mạnh dạn phát biểu hơn.',
  'Chưa hoàn thành': 'Cần được kèm cặp thêm trong hè để hoàn thành chương trình lớp học.',
};

/** A plausible tiểu học record whose results follow Circular 27/2020 by construction. */
export function buildPrimaryExample(common: Common, rng: SeededRandom): PrimaryHocBaContent {
  const strong = rng.int(0, 2) > 0; // two students in three are strong in this example set
  const tested = primaryTestedSubjectCodes(common.grade);
  const subjects = primaryCompulsorySubjects(common.grade).map((entry): PrimarySubject => {
    const level: PrimarySubjectLevel = strong || rng.int(0, 1) === 0 ? 'Hoàn thành tốt' : 'Hoàn thành';
    const subject: PrimarySubject = { code: entry.code, name: entry.name, level, comment: SUBJECT_COMMENTS[level] };
    if (tested.has(entry.code)) subject.testScore = level === 'Hoàn thành tốt' ? rng.int(8, 10) : rng.int(5, 8);
    return subject;
  });
  const trait = (): PrimaryTraitLevel => (strong || rng.int(0, 1) === 0 ? 'Tốt' : 'Đạt');
  const qualities: PrimaryQualities = {
    patriotism: trait(),
    compassion: trait(),
    diligence: trait(),
    honesty: trait(),
    responsibility: trait(),
  };
  const competencies: PrimaryCompetencies = {
    selfReliance: trait(),
    collaboration: trait(),
    problemSolving: trait(),
    language: trait(),
    numeracy: trait(),
    science: trait(),
    technology: trait(),
    informatics: trait(),
    aesthetics: trait(),
    physical: trait(),
  };
  const yearResult = primaryYearResult(subjects, primaryTraits({ qualities, competencies }));
  const [decision] = primaryDecisions(yearResult, common.grade);
  return {
    ...common,
    level: 'TIEU_HOC',
    subjects,
    qualities,
    competencies,
    yearResult,
    remarks: REMARKS[yearResult],
    promotion: { decision },
    award: yearResult === 'Hoàn thành xuất sắc' ? 'HOC_SINH_XUAT_SAC' : null,
  };
}
