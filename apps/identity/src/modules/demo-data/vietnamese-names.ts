import type { Gender } from '@edu/ids';
import { WeightedPick, type SeededRandom } from './seeded-random.js';

/** Family names by share of the population (%), northern spelling (Vũ over Võ, Hoàng over Huỳnh) as in Hải Phòng. */
const FAMILY: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9], ['Phạm', 7.5], ['Vũ', 4], ['Hoàng', 4], ['Phan', 3], ['Bùi', 2.5],
  ['Đặng', 2.1], ['Đỗ', 2], ['Ngô', 1.5], ['Hồ', 1], ['Dương', 1], ['Võ', 1], ['Đào', 1], ['Đoàn', 1], ['Huỳnh', 0.8],
  ['Đinh', 0.8], ['Trịnh', 0.7], ['Lương', 0.6], ['Lý', 0.5], ['Mai', 0.5], ['Hà', 0.5], ['Cao', 0.5], ['Tô', 0.4],
  ['Trương', 0.4], ['Vương', 0.3], ['Lưu', 0.3], ['Phùng', 0.3], ['Tạ', 0.3], ['Mạc', 0.3], ['Lâm', 0.3], ['Nghiêm', 0.2],
  ['Chu', 0.2], ['Quách', 0.2],
];

const MIDDLE_M = ['Minh', 'Đức', 'Quang', 'Thành', 'Hữu', 'Công', 'Xuân', 'Tuấn', 'Anh', 'Gia', 'Hoàng', 'Bảo', 'Trung',
  'Mạnh', 'Thế', 'Duy', 'Ngọc', 'Đình', 'Quốc', 'Khánh', 'Tiến', 'Việt', 'Hải', 'Nhật', 'Đăng'];
const MIDDLE_F = ['Ngọc', 'Thu', 'Thanh', 'Phương', 'Minh', 'Bảo', 'Khánh', 'Hải', 'Hoài', 'Mai', 'Thùy', 'Kim', 'Diệu',
  'Thảo', 'Quỳnh', 'Lan', 'Hà', 'Gia', 'Tuệ', 'Yến', 'Hồng', 'Bích', 'Tường', 'Cẩm', 'Như'];
const GIVEN_M = ['An', 'Anh', 'Bảo', 'Bình', 'Cường', 'Dũng', 'Duy', 'Dương', 'Đạt', 'Đăng', 'Đức', 'Giang', 'Hải', 'Hào',
  'Hiếu', 'Hoàng', 'Hùng', 'Huy', 'Hưng', 'Khang', 'Khánh', 'Khoa', 'Khôi', 'Kiên', 'Kiệt', 'Lâm', 'Long', 'Lộc', 'Minh',
  'Nam', 'Nghĩa', 'Nguyên', 'Nhân', 'Phát', 'Phong', 'Phúc', 'Quân', 'Quang', 'Sơn', 'Tài', 'Thái', 'Thắng', 'Thành',
  'Thịnh', 'Tín', 'Toàn', 'Trí', 'Trung', 'Tuấn', 'Tùng', 'Việt', 'Vinh', 'Vũ'];
const GIVEN_F = ['An', 'Anh', 'Châu', 'Chi', 'Diệp', 'Dung', 'Duyên', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hân', 'Hiền', 'Hoa',
  'Hồng', 'Huyền', 'Hương', 'Khuê', 'Lam', 'Lan', 'Liên', 'Linh', 'Loan', 'Ly', 'Mai', 'My', 'Nga', 'Ngân', 'Ngọc',
  'Nguyệt', 'Nhi', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Thanh', 'Thu', 'Thủy', 'Trang', 'Trâm', 'Tú',
  'Uyên', 'Vân', 'Vy', 'Xuân', 'Yến'];

/**
 * The traditional middle names Văn and Thị: common among today's teachers, much rarer among their pupils. Shares are
 * rough; they only need to look right in a roster.
 */
const TRADITIONAL_SHARE = { adult: { NAM: 0.35, NU: 0.45 }, child: { NAM: 0.08, NU: 0.06 } } as const;

export type Generation = keyof typeof TRADITIONAL_SHARE;

/** Draws realistic Vietnamese full names (family, middle, given) with diacritics, in NFC. */
export class VietnameseNames {
  private readonly family = new WeightedPick(FAMILY);

  constructor(private readonly rng: SeededRandom) {}

  fullName(gender: Gender, generation: Generation): string {
    const female = gender === 'NU';
    const given = this.rng.pick(female ? GIVEN_F : GIVEN_M);
    let middle = this.rng.chance(TRADITIONAL_SHARE[generation][gender]) ? (female ? 'Thị' : 'Văn') : this.rng.pick(female ? MIDDLE_F : MIDDLE_M);
    if (middle === given) middle = female ? 'Thị' : 'Văn';
    return `${this.family.draw(this.rng)} ${middle} ${given}`;
  }
}
