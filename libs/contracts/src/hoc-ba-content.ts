/**
 * The canonical content of a học bạ (one per student × school year): what schools submit, interchange validates and
 * the signed PDF shows. Identifiers are English; the assessment words the circulars prescribe stay Vietnamese because
 * that is what the signed paper form shows.
 */

export const SCHOOL_LEVELS = ['TIEU_HOC', 'THCS', 'THPT'] as const;
export type SchoolLevel = (typeof SCHOOL_LEVELS)[number];
export type SecondaryLevel = Exclude<SchoolLevel, 'TIEU_HOC'>;

/** Circular 22/2021: conduct and learning result, best first. */
export const SECONDARY_RATINGS = ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'] as const;
export type SecondaryRating = (typeof SECONDARY_RATINGS)[number];

/** Circular 22/2021: a subject assessed by comment only. */
export const COMMENT_RESULTS = ['Đạt', 'Chưa đạt'] as const;
export type CommentResult = (typeof COMMENT_RESULTS)[number];

/** Circular 27/2020: subjects and educational activities, best first. */
export const PRIMARY_SUBJECT_LEVELS = ['Hoàn thành tốt', 'Hoàn thành', 'Chưa hoàn thành'] as const;
export type PrimarySubjectLevel = (typeof PRIMARY_SUBJECT_LEVELS)[number];

/** Circular 27/2020: qualities and competencies, best first. */
export const PRIMARY_TRAIT_LEVELS = ['Tốt', 'Đạt', 'Cần cố gắng'] as const;
export type PrimaryTraitLevel = (typeof PRIMARY_TRAIT_LEVELS)[number];

/** Circular 27/2020: the year's educational result, best first. */
export const PRIMARY_YEAR_RESULTS = ['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành', 'Chưa hoàn thành'] as const;
export type PrimaryYearResult = (typeof PRIMARY_YEAR_RESULTS)[number];

export const PROMOTION_DECISIONS = [
  'PROMOTED', // được lên lớp
  'PROGRAM_COMPLETED', // hoàn thành chương trình cấp học (lớp 5, 9, 12)
  'RE_ASSESSMENT', // kiểm tra, đánh giá lại trong kì nghỉ hè
  'SUMMER_CONDUCT_TRAINING', // rèn luyện trong kì nghỉ hè
  'REPEAT', // ở lại lớp
] as const;
export type PromotionDecision = (typeof PROMOTION_DECISIONS)[number];

export const SECONDARY_AWARDS = ['HOC_SINH_XUAT_SAC', 'HOC_SINH_GIOI'] as const;
export type SecondaryAward = (typeof SECONDARY_AWARDS)[number];
export const PRIMARY_AWARDS = ['HOC_SINH_XUAT_SAC', 'HOC_SINH_TIEU_BIEU'] as const;
export type PrimaryAward = (typeof PRIMARY_AWARDS)[number];

export interface HocBaStudent {
  /** Sector ID (mã định danh ngành, Circular 42/2021): 10 digits, lifelong. */
  studentId: string;
  fullName: string;
  /** ISO date, YYYY-MM-DD. */
  dateOfBirth: string;
  gender: 'NAM' | 'NU';
  /** Personal ID (CCCD), 12 digits, when the student has one. */
  personalId?: string;
}

export interface HocBaSchool {
  code: string;
  name: string;
}

export interface Signatory {
  name: string;
}

export interface TermRatings<T> {
  hk1: T;
  hk2: T;
  year: T;
}

export interface ScoredTerm {
  /** ĐĐGtx: 2, 3 or 4 by yearly periods. */
  regular: number[];
  /** ĐĐGgk. */
  midterm: number;
  /** ĐĐGck. */
  final: number;
  /** ĐTBmhk. */
  average: number;
  comment?: string;
}

export interface CommentTerm {
  regular: CommentResult[];
  midterm: CommentResult;
  final: CommentResult;
  result: CommentResult;
  comment?: string;
}

interface SubjectBase {
  code: string;
  name: string;
  yearlyPeriods: number;
  comment?: string;
}

export interface ScoredSubject extends SubjectBase {
  assessment: 'score';
  terms: { hk1: ScoredTerm; hk2: ScoredTerm };
  /** ĐTBmcn. */
  yearAverage: number;
}

export interface CommentSubject extends SubjectBase {
  assessment: 'comment';
  terms: { hk1: CommentTerm; hk2: CommentTerm };
  yearResult: CommentResult;
}

export type SecondarySubject = ScoredSubject | CommentSubject;

interface ContentBase {
  grade: number;
  className: string;
  /** YYYY-YYYY, consecutive years. */
  schoolYear: string;
  student: HocBaStudent;
  school: HocBaSchool;
  daysAbsent: number;
  remarks: string;
  promotion: { decision: PromotionDecision };
  homeroomTeacher: Signatory;
  principal: Signatory;
}

export interface SecondaryHocBaContent extends ContentBase {
  level: SecondaryLevel;
  subjects: SecondarySubject[];
  conduct: TermRatings<SecondaryRating>;
  learningResult: TermRatings<SecondaryRating>;
  award: SecondaryAward | null;
}

export interface PrimarySubject {
  code: string;
  name: string;
  level: PrimarySubjectLevel;
  /** End-of-year periodic test, whole number 1–10, only in tested subjects. */
  testScore?: number;
  comment: string;
}

export interface PrimaryQualities {
  patriotism: PrimaryTraitLevel; // yêu nước
  compassion: PrimaryTraitLevel; // nhân ái
  diligence: PrimaryTraitLevel; // chăm chỉ
  honesty: PrimaryTraitLevel; // trung thực
  responsibility: PrimaryTraitLevel; // trách nhiệm
}

export interface PrimaryCompetencies {
  selfReliance: PrimaryTraitLevel; // tự chủ và tự học
  collaboration: PrimaryTraitLevel; // giao tiếp và hợp tác
  problemSolving: PrimaryTraitLevel; // giải quyết vấn đề và sáng tạo
  language: PrimaryTraitLevel; // ngôn ngữ
  numeracy: PrimaryTraitLevel; // tính toán
  science: PrimaryTraitLevel; // khoa học
  technology: PrimaryTraitLevel; // công nghệ
  informatics: PrimaryTraitLevel; // tin học
  aesthetics: PrimaryTraitLevel; // thẩm mĩ
  physical: PrimaryTraitLevel; // thể chất
}

export interface PrimaryHocBaContent extends ContentBase {
  level: 'TIEU_HOC';
  subjects: PrimarySubject[];
  qualities: PrimaryQualities;
  competencies: PrimaryCompetencies;
  yearResult: PrimaryYearResult;
  award: PrimaryAward | null;
}

export type HocBaContent = SecondaryHocBaContent | PrimaryHocBaContent;
