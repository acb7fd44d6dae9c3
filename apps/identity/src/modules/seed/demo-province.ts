import type { Enrolment, Organisation, Student } from '../directory/organisation-directory.js';

/** A small, deterministic demo of Hải Phòng: the Ministry, the Sở, one Phòng, four schools and their students. */
export const MINISTRY_CODE = 'BGDDT';
export const SO_CODE = '31000000';

export const DEMO_ORGANISATIONS: Organisation[] = [
  { code: MINISTRY_CODE, name: 'Bộ Giáo dục và Đào tạo', level: 'BO', parentCode: null, address: '35 Đại Cồ Việt, Hà Nội' },
  { code: SO_CODE, name: 'Sở Giáo dục và Đào tạo Hải Phòng', level: 'SO', parentCode: MINISTRY_CODE, address: '9 Đinh Tiên Hoàng, Hồng Bàng, Hải Phòng' },
  { code: '31020000', name: 'Phòng Giáo dục và Đào tạo quận Lê Chân', level: 'PHONG', parentCode: SO_CODE, address: 'Lê Chân, Hải Phòng' },
  { code: '31000101', name: 'Trường THPT Trần Phú', level: 'THPT', parentCode: SO_CODE, address: '2 Đà Nẵng, Ngô Quyền, Hải Phòng' },
  { code: '31000102', name: 'Trường THPT Ngô Quyền', level: 'THPT', parentCode: SO_CODE, address: '55 Lạch Tray, Ngô Quyền, Hải Phòng' },
  { code: '31020201', name: 'Trường THCS Lê Chân', level: 'THCS', parentCode: '31020000', address: 'Lê Chân, Hải Phòng' },
  { code: '31020301', name: 'Trường Tiểu học Kim Đồng', level: 'TIEU_HOC', parentCode: '31020000', address: 'Lê Chân, Hải Phòng' },
];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
const MIDDLE_M = ['Văn', 'Minh', 'Quang', 'Đức', 'Thành'];
const MIDDLE_F = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Phương'];
const GIVEN_M = ['An', 'Bình', 'Dũng', 'Hải', 'Hùng', 'Nam', 'Quân', 'Tuấn', 'Khoa', 'Long'];
const GIVEN_F = ['Châu', 'Giang', 'Hà', 'Hạnh', 'Lan', 'Linh', 'Mai', 'Thảo', 'Trang', 'Vy'];
const GRADES: Record<string, number[]> = { THPT: [10, 11, 12], THCS: [6, 7, 8, 9], TIEU_HOC: [1, 2, 3, 4, 5] };
/** CCCD province-of-birth code of Hải Phòng. */
const HAI_PHONG_BIRTH_CODE = '031';

/** The school year running on `now`: it starts in September. */
export function currentSchoolYear(now = new Date()): string {
  const y = now.getUTCFullYear();
  return now.getUTCMonth() >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

export function demoStudents(perSchool: number, schoolYear = currentSchoolYear()): Array<{ student: Student; enrolment: Enrolment }> {
  const startYear = Number(schoolYear.slice(0, 4));
  const out: Array<{ student: Student; enrolment: Enrolment }> = [];
  let n = 0;
  for (const school of DEMO_ORGANISATIONS.filter((o) => GRADES[o.level])) {
    for (let i = 0; i < perSchool; i++, n++) {
      const grades = GRADES[school.level];
      const grade = grades[i % grades.length];
      const female = n % 2 === 1;
      const birthYear = startYear - grade - 6;
      const fullName = [
        FAMILY[n % FAMILY.length],
        (female ? MIDDLE_F : MIDDLE_M)[(n >> 1) % 5],
        (female ? GIVEN_F : GIVEN_M)[(n * 7) % 10],
      ].join(' ');
      // Personal ID: birth province, century+gender digit (2000s: 2 male, 3 female), 2-digit year, 6 digits.
      const personalId = `${HAI_PHONG_BIRTH_CODE}${female ? 3 : 2}${String(birthYear % 100).padStart(2, '0')}${String(100000 + n * 37).slice(-6)}`;
      const studentId = `31${String(10_000_000 + n).slice(-8)}`;
      const suffix = school.level === 'TIEU_HOC' ? 'A' : 'A1';
      out.push({
        student: {
          studentId,
          personalId,
          fullName,
          dateOfBirth: `${birthYear}-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 28) + 1).padStart(2, '0')}`,
          gender: female ? 'NU' : 'NAM',
        },
        enrolment: { studentId, schoolCode: school.code, className: `${grade}${suffix}`, grade, schoolYear },
      });
    }
  }
  return out;
}

/** Demo API clients: two schools, the ministry and an operator of the Sở (more are added with `./edu client create`). */
export const DEMO_CLIENTS: Array<{ role: 'school' | 'ministry' | 'operator'; org: string }> = [
  { role: 'school', org: '31000101' },
  { role: 'school', org: '31000102' },
  { role: 'school', org: '31020201' },
  { role: 'school', org: '31020301' },
  { role: 'ministry', org: MINISTRY_CODE },
  { role: 'operator', org: SO_CODE },
];
