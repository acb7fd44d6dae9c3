import type { OrganisationLevel } from '../organisations/organisation.js';

/** What the generator makes of each kind of school. */
export interface LevelProfile {
  level: OrganisationLevel;
  /** Share of the province's schools. */
  share: number;
  /** The type digits in a school's code (`31` + district + type + serial). */
  type: string;
  /** Pupils per class, on average. */
  classSize: number;
  /** Pupils at a typical school: schools get students in proportion to it (±40 %). */
  typicalStudents: number;
  /** Teachers per class: staff are shared out in proportion to it. */
  teachersPerClass: number;
  namePrefix: string;
  parent: 'PHONG' | 'SO';
  /** Grades taught; preschool (grade 0) is grouped by age instead. */
  grades: readonly number[];
}

/** Preschool groups by age (mẫu giáo 3, 4 and 5 tuổi); all are grade 0 in students.csv. */
export const PRESCHOOL_GROUPS: ReadonlyArray<{ name: string; age: number }> = [
  { name: 'Mầm', age: 3 }, { name: 'Chồi', age: 4 }, { name: 'Lá', age: 5 },
];

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Roughly Hải Phòng's mix: mầm non 35 %, tiểu học 30 %, THCS 25 %, THPT 7 %, GDTX and multi-level schools 3 %. */
export const LEVEL_PROFILES: readonly LevelProfile[] = [
  { level: 'MAM_NON', share: 0.35, type: '04', classSize: 28, typicalStudents: 330, teachersPerClass: 2, namePrefix: 'Trường Mầm non', parent: 'PHONG', grades: [0] },
  { level: 'TIEU_HOC', share: 0.3, type: '03', classSize: 35, typicalStudents: 700, teachersPerClass: 1.5, namePrefix: 'Trường Tiểu học', parent: 'PHONG', grades: range(1, 5) },
  { level: 'THCS', share: 0.25, type: '02', classSize: 40, typicalStudents: 640, teachersPerClass: 1.9, namePrefix: 'Trường THCS', parent: 'PHONG', grades: range(6, 9) },
  { level: 'THPT', share: 0.07, type: '01', classSize: 43, typicalStudents: 1150, teachersPerClass: 2.25, namePrefix: 'Trường THPT', parent: 'SO', grades: range(10, 12) },
  { level: 'GDTX', share: 0.02, type: '05', classSize: 40, typicalStudents: 300, teachersPerClass: 1.5, namePrefix: 'Trung tâm GDNN - GDTX', parent: 'SO', grades: range(10, 12) },
  { level: 'LIEN_CAP', share: 0.01, type: '06', classSize: 35, typicalStudents: 500, teachersPerClass: 1.7, namePrefix: 'Trường Tiểu học và THCS', parent: 'PHONG', grades: range(1, 9) },
];

/*
 * Which subjects each grade studies, in the codes of interchange's subject catalogue (2018 curriculum) that the roster
 * accepts (roster/domain/teaching-subjects.ts); the generator's spec checks every assignment against that set.
 */
const PRIMARY_COMMON = ['DAO_DUC', 'GDTC', 'AM_NHAC', 'MI_THUAT', 'HDTN'];
const THCS = ['NGU_VAN', 'TOAN', 'NGOAI_NGU_1', 'GDCD', 'LICH_SU_DIA_LI', 'KHTN', 'CONG_NGHE', 'TIN_HOC', 'GDTC', 'NGHE_THUAT', 'HDTN_HN', 'GDDP'];
const THPT = ['NGU_VAN', 'TOAN', 'NGOAI_NGU_1', 'LICH_SU', 'GDQP_AN', 'GDTC', 'HDTN_HN', 'GDDP'];
/** Elective combinations (tổ hợp) a THPT class follows: four electives each. */
const THPT_COMBINATIONS = [
  ['VAT_LI', 'HOA_HOC', 'SINH_HOC', 'TIN_HOC'],
  ['VAT_LI', 'HOA_HOC', 'TIN_HOC', 'CONG_NGHE'],
  ['DIA_LI', 'GDKT_PL', 'VAT_LI', 'HOA_HOC'],
  ['DIA_LI', 'GDKT_PL', 'TIN_HOC', 'CONG_NGHE'],
  ['DIA_LI', 'GDKT_PL', 'AM_NHAC', 'MI_THUAT'],
];

/** The homeroom teacher of a primary class teaches these themselves; specialists teach the rest. */
export const PRIMARY_HOMEROOM_SUBJECTS = new Set(['TIENG_VIET', 'TOAN', 'DAO_DUC', 'TN_XH', 'LICH_SU_DIA_LI', 'KHOA_HOC', 'HDTN']);

/** The subjects of a class: by grade, and for upper secondary by the class's elective combination. */
export function classSubjects(grade: number, classIndex: number): readonly string[] {
  if (grade === 0) return [];
  if (grade <= 2) return ['TIENG_VIET', 'TOAN', 'TN_XH', ...PRIMARY_COMMON];
  if (grade === 3) return ['TIENG_VIET', 'TOAN', 'NGOAI_NGU_1', 'TN_XH', 'TIN_HOC_CONG_NGHE', ...PRIMARY_COMMON];
  if (grade <= 5) return ['TIENG_VIET', 'TOAN', 'NGOAI_NGU_1', 'LICH_SU_DIA_LI', 'KHOA_HOC', 'TIN_HOC_CONG_NGHE', ...PRIMARY_COMMON];
  if (grade <= 9) return THCS;
  return [...THPT, ...THPT_COMBINATIONS[classIndex % THPT_COMBINATIONS.length]];
}

/** Class names as schools write them: 1A, 1B in primary; 6A1, 10A2 in secondary; Mầm A, Lá B in preschool. */
export function className(grade: number, group: string, index: number): string {
  const letter = String.fromCharCode(65 + (index % 26)) + (index >= 26 ? String(Math.floor(index / 26) + 1) : '');
  if (grade === 0) return `${group} ${letter}`;
  return grade <= 5 ? `${grade}${letter}` : `${grade}A${index + 1}`;
}
