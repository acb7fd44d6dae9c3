import type { SchoolLevel } from '@edu/contracts';

/**
 * Subjects of the 2018 general education curriculum as a học bạ records them. `periods` is the
 * usual yearly load; a school may differ, so the rules read `yearlyPeriods` from the record, and
 * the catalogue only feeds the example builder.
 */
export interface CatalogueSubject {
  code: string;
  name: string;
  /** Secondary only: comment-only (Đạt / Chưa đạt) or comment plus score. */
  assessment?: 'comment' | 'score';
  periods?: number;
}

const scored = (code: string, name: string, periods: number): CatalogueSubject =>
  ({ code, name, assessment: 'score', periods });
const commented = (code: string, name: string, periods: number): CatalogueSubject =>
  ({ code, name, assessment: 'comment', periods });

export const THCS_SUBJECTS: readonly CatalogueSubject[] = [
  scored('NGU_VAN', 'Ngữ văn', 140),
  scored('TOAN', 'Toán', 140),
  scored('NGOAI_NGU_1', 'Ngoại ngữ 1', 105),
  scored('GDCD', 'Giáo dục công dân', 35),
  scored('LICH_SU_DIA_LI', 'Lịch sử và Địa lí', 105),
  scored('KHTN', 'Khoa học tự nhiên', 140),
  scored('CONG_NGHE', 'Công nghệ', 35),
  scored('TIN_HOC', 'Tin học', 35),
  commented('GDTC', 'Giáo dục thể chất', 70),
  commented('NGHE_THUAT', 'Nghệ thuật', 70),
  commented('HDTN_HN', 'Hoạt động trải nghiệm, hướng nghiệp', 105),
  commented('GDDP', 'Nội dung giáo dục của địa phương', 35),
];

export const THPT_COMPULSORY_SUBJECTS: readonly CatalogueSubject[] = [
  scored('NGU_VAN', 'Ngữ văn', 105),
  scored('TOAN', 'Toán', 105),
  scored('NGOAI_NGU_1', 'Ngoại ngữ 1', 105),
  scored('LICH_SU', 'Lịch sử', 52),
  scored('GDQP_AN', 'Giáo dục quốc phòng và an ninh', 35),
  commented('GDTC', 'Giáo dục thể chất', 70),
  commented('HDTN_HN', 'Hoạt động trải nghiệm, hướng nghiệp', 105),
  commented('GDDP', 'Nội dung giáo dục của địa phương', 35),
];

/** A THPT student takes exactly four of these (Circular 32/2018 curriculum; Circular 22/2021 scores them). */
export const THPT_ELECTIVE_SUBJECTS: readonly CatalogueSubject[] = [
  scored('DIA_LI', 'Địa lí', 70),
  scored('GDKT_PL', 'Giáo dục kinh tế và pháp luật', 70),
  scored('VAT_LI', 'Vật lí', 70),
  scored('HOA_HOC', 'Hóa học', 70),
  scored('SINH_HOC', 'Sinh học', 70),
  scored('CONG_NGHE', 'Công nghệ', 70),
  scored('TIN_HOC', 'Tin học', 70),
  scored('AM_NHAC', 'Âm nhạc', 70),
  scored('MI_THUAT', 'Mĩ thuật', 70),
];
export const THPT_ELECTIVE_COUNT = 4;

const primary = (code: string, name: string): CatalogueSubject => ({ code, name });
const TIENG_VIET = primary('TIENG_VIET', 'Tiếng Việt');
const TOAN = primary('TOAN', 'Toán');
const NGOAI_NGU_1 = primary('NGOAI_NGU_1', 'Ngoại ngữ 1');
const DAO_DUC = primary('DAO_DUC', 'Đạo đức');
const TN_XH = primary('TN_XH', 'Tự nhiên và Xã hội');
const LICH_SU_DIA_LI = primary('LICH_SU_DIA_LI', 'Lịch sử và Địa lí');
const KHOA_HOC = primary('KHOA_HOC', 'Khoa học');
const TIN_HOC_CONG_NGHE = primary('TIN_HOC_CONG_NGHE', 'Tin học và Công nghệ');
const GDTC = primary('GDTC', 'Giáo dục thể chất');
const AM_NHAC = primary('AM_NHAC', 'Âm nhạc');
const MI_THUAT = primary('MI_THUAT', 'Mĩ thuật');
const HDTN = primary('HDTN', 'Hoạt động trải nghiệm');

const PRIMARY_COMMON = [DAO_DUC, GDTC, AM_NHAC, MI_THUAT, HDTN];

/** Compulsory subjects and activities of a primary grade (Ngoại ngữ 1 is optional in grades 1–2). */
export function primaryCompulsorySubjects(grade: number): readonly CatalogueSubject[] {
  if (grade <= 2) return [TIENG_VIET, TOAN, TN_XH, ...PRIMARY_COMMON];
  if (grade === 3) return [TIENG_VIET, TOAN, NGOAI_NGU_1, TN_XH, TIN_HOC_CONG_NGHE, ...PRIMARY_COMMON];
  return [TIENG_VIET, TOAN, NGOAI_NGU_1, LICH_SU_DIA_LI, KHOA_HOC, TIN_HOC_CONG_NGHE, ...PRIMARY_COMMON];
}

/** Subjects a primary grade may record beyond the compulsory ones. */
export function primaryOptionalSubjects(grade: number): readonly CatalogueSubject[] {
  return grade <= 2 ? [NGOAI_NGU_1] : [];
}

/**
 * Subjects with an end-of-year periodic test (Circular 27/2020, Art. 7): Tiếng Việt, Toán, and
 * the compulsory Ngoại ngữ 1, Khoa học, Lịch sử và Địa lí, Tin học và Công nghệ where the grade has
 * them. Our reading: that puts Ngoại ngữ 1 and Tin học và Công nghệ under test from grade 3, not 4.
 */
const TESTED_CODES = new Set(['TIENG_VIET', 'TOAN', 'NGOAI_NGU_1', 'KHOA_HOC', 'LICH_SU_DIA_LI', 'TIN_HOC_CONG_NGHE']);
export function primaryTestedSubjectCodes(grade: number): ReadonlySet<string> {
  return new Set(primaryCompulsorySubjects(grade).map((s) => s.code).filter((c) => TESTED_CODES.has(c)));
}

export const GRADES_BY_LEVEL: Record<SchoolLevel, readonly [number, number]> = {
  TIEU_HOC: [1, 5],
  THCS: [6, 9],
  THPT: [10, 12],
};

/** Last grade of each level: a qualifying student there completes the programme rather than moving up. */
export const FINAL_GRADE: Record<SchoolLevel, number> = { TIEU_HOC: 5, THCS: 9, THPT: 12 };
