import type { OrganisationLevel } from '../organisations/organisation.js';

/** Namesakes of schools: national figures for schools, gentle words for preschools, as Vietnamese schools are named. */
const FIGURES = ['Trần Phú', 'Ngô Quyền', 'Lê Lợi', 'Nguyễn Trãi', 'Chu Văn An', 'Lý Thường Kiệt', 'Hai Bà Trưng',
  'Lê Quý Đôn', 'Nguyễn Du', 'Quang Trung', 'Kim Đồng', 'Võ Thị Sáu', 'Trần Quốc Toản', 'Lê Hồng Phong',
  'Nguyễn Bỉnh Khiêm', 'Tô Hiệu', 'Bạch Đằng', 'Đinh Tiên Hoàng', 'Trần Hưng Đạo', 'Lê Văn Tám', 'Nguyễn Văn Trỗi',
  'Phan Bội Châu', 'Phan Chu Trinh', 'Hùng Vương', 'Lương Thế Vinh', 'Nguyễn Huệ', 'Trưng Vương', 'Đống Đa',
  'Ngô Gia Tự', 'Hồng Bàng', 'Lý Tự Trọng', 'Nguyễn Khuyến', 'Trần Nhân Tông', 'Vạn Kiếp', 'Nguyễn Đức Cảnh',
  'Cù Chính Lan', 'Bế Văn Đàn', 'Phan Đình Phùng', 'Hoàng Văn Thụ', 'Lê Chân', 'Nguyễn Công Trứ', 'Tô Vĩnh Diện',
  'Mạc Đĩnh Chi', 'Lê Thánh Tông', 'Nguyễn Tất Thành', 'Đoàn Thị Điểm', 'Bà Triệu', 'Trần Khánh Dư', 'An Dương Vương',
  'Yết Kiêu', 'Dã Tượng', 'Phạm Ngũ Lão', 'Trần Quang Khải', 'Nguyễn Hiền', 'Thái Phiên', 'Lê Lai', 'Tân Hưng',
  'Hòa Bình', 'Thống Nhất', 'Độc Lập'];
const PRESCHOOL = ['Hoa Sen', 'Hoa Mai', 'Hoa Hồng', 'Sơn Ca', 'Họa Mi', 'Tuổi Thơ', 'Bình Minh', 'Ánh Dương',
  'Hướng Dương', 'Hoa Phượng', 'Sao Mai', 'Hoa Ban', 'Hoa Đào', 'Tuổi Hồng', 'Măng Non', 'Búp Sen Hồng', 'Hoa Cúc',
  'Vàng Anh', 'Chim Non', 'Thỏ Ngọc', 'Mầm Xanh', 'Ban Mai', 'Hoa Lan', 'Hoa Sữa', 'Sao Sáng', 'Hoàng Anh', 'Thiên Thần',
  'Ngôi Sao', 'Cầu Vồng', 'Hạnh Phúc', 'Hoa Thủy Tiên', 'Bông Sen', 'Hoa Mặt Trời', 'Tuổi Ngọc', 'Bé Ngoan',
  'Trúc Xanh', 'Hoa Bằng Lăng', 'Hoa Anh Đào', 'Chồi Non', 'Hoa Quỳnh'];

/** Names for the schools of one level in one district: distinct, in a scattered but fixed order. */
export function schoolNames(level: OrganisationLevel, count: number, offset: number): string[] {
  const pool = level === 'MAM_NON' ? PRESCHOOL : FIGURES;
  return Array.from({ length: count }, (_, i) => {
    const name = pool[(offset + i * 7) % pool.length];
    const round = Math.floor(i / pool.length);
    return round ? `${name} số ${round + 1}` : name;
  });
}

export const STREETS = ['Lạch Tray', 'Trần Nguyên Hãn', 'Tô Hiệu', 'Lê Lợi', 'Điện Biên Phủ', 'Hai Bà Trưng', 'Nguyễn Văn Linh',
  'Lê Thánh Tông', 'Đà Nẵng', 'Trần Phú', 'Văn Cao', 'Lê Hồng Phong', 'Nguyễn Trãi', 'Hùng Vương', 'Chùa Hàng', 'Cát Cụt',
  'Hàng Kênh', 'Thiên Lôi', 'Ngô Gia Tự', 'Phạm Văn Đồng', 'Quang Trung', 'Cầu Đất', 'Lý Thường Kiệt', 'Bạch Đằng',
  'Máy Tơ', 'Lê Lai', 'Trường Chinh', 'Đình Đông', 'Miếu Hai Xã', 'Nguyễn Bình'];
