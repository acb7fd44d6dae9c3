import type { HocBaContent, PrimaryCompetencies, PrimaryQualities } from '@edu/contracts';

/** The printed form's words for the content's codes. An unknown code prints as itself rather than failing. */

const LEVEL_NAMES: Record<HocBaContent['level'], string> = {
  TIEU_HOC: 'tiểu học',
  THCS: 'trung học cơ sở',
  THPT: 'trung học phổ thông',
};

export function levelName(level: HocBaContent['level']): string {
  return LEVEL_NAMES[level];
}

export function promotionLabel(decision: string, level: HocBaContent['level']): string {
  const labels: Record<string, string> = {
    PROMOTED: 'Được lên lớp',
    PROGRAM_COMPLETED: `Hoàn thành chương trình ${LEVEL_NAMES[level]}`,
    RE_ASSESSMENT: 'Kiểm tra, đánh giá lại trong kì nghỉ hè',
    SUMMER_CONDUCT_TRAINING: 'Rèn luyện trong kì nghỉ hè',
    REPEAT: 'Ở lại lớp',
  };
  return labels[decision] ?? decision;
}

const AWARDS: Record<string, string> = {
  HOC_SINH_XUAT_SAC: 'Học sinh Xuất sắc',
  HOC_SINH_GIOI: 'Học sinh Giỏi',
  HOC_SINH_TIEU_BIEU: 'Học sinh Tiêu biểu',
};

export function awardLabel(award: string | null): string {
  return award === null ? 'Không' : (AWARDS[award] ?? award);
}

export function genderLabel(gender: string): string {
  return gender === 'NU' ? 'Nữ' : gender === 'NAM' ? 'Nam' : gender;
}

/** The form abbreviates comment-only results; free text is printed whole. */
export function commentResultLabel(result: string): string {
  return result === 'Đạt' ? 'Đ' : result === 'Chưa đạt' ? 'CĐ' : result;
}

/** Vietnamese writes one decimal with a comma: 8,5. */
export function scoreLabel(score: number): string {
  return score.toFixed(1).replace('.', ',');
}

/** YYYY-MM-DD → DD/MM/YYYY, by text so no time zone can shift the day. */
export function dateLabel(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : isoDate;
}

/** Vietnam keeps UTC+7 all year, so the printed date does not depend on the server's zone. */
function vietnamTime(at: Date): Date {
  return new Date(at.getTime() + 7 * 3600 * 1000);
}

export function signingDateLabel(at: Date): string {
  const vn = vietnamTime(at);
  return `Ngày ${vn.getUTCDate()} tháng ${vn.getUTCMonth() + 1} năm ${vn.getUTCFullYear()}`;
}

export function timestampLabel(at: Date): string {
  const vn = vietnamTime(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${pad(vn.getUTCDate())}/${pad(vn.getUTCMonth() + 1)}/${vn.getUTCFullYear()}`;
  return `${day} ${pad(vn.getUTCHours())}:${pad(vn.getUTCMinutes())} (UTC+7)`;
}

export const QUALITY_LABELS: Record<keyof PrimaryQualities, string> = {
  patriotism: 'Yêu nước',
  compassion: 'Nhân ái',
  diligence: 'Chăm chỉ',
  honesty: 'Trung thực',
  responsibility: 'Trách nhiệm',
};

export const GENERAL_COMPETENCY_LABELS: Partial<Record<keyof PrimaryCompetencies, string>> = {
  selfReliance: 'Tự chủ và tự học',
  collaboration: 'Giao tiếp và hợp tác',
  problemSolving: 'Giải quyết vấn đề và sáng tạo',
};

export const SPECIFIC_COMPETENCY_LABELS: Partial<Record<keyof PrimaryCompetencies, string>> = {
  language: 'Ngôn ngữ',
  numeracy: 'Tính toán',
  science: 'Khoa học',
  technology: 'Công nghệ',
  informatics: 'Tin học',
  aesthetics: 'Thẩm mĩ',
  physical: 'Thể chất',
};
