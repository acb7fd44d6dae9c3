import { BIRTH_PROVINCES } from '@edu/ids';
import type { OrganisationDraft } from '../organisations/organisation.js';

export interface District {
  /** Two digits: the district's part of the organisation codes (`31` + district + type + serial). */
  no: string;
  name: string;
  kind: 'quận' | 'huyện' | 'khu vực';
  /** Relative share of the province's schools. */
  weight: number;
}

export interface ProvinceProfile {
  name: string;
  /** Two-digit province code of sector IDs and organisation codes (Hải Phòng: 31). */
  code2: string;
  /** Three-digit birth-registration code of personal IDs (Hải Phòng: 031). */
  birthCode: string;
  districts: District[];
}

export const MINISTRY: OrganisationDraft = {
  code: 'BGDDT', name: 'Bộ Giáo dục và Đào tạo', level: 'BO', parentCode: null, address: '35 Đại Cồ Việt, Hà Nội',
};

/**
 * Hải Phòng's 15 districts before the 2025 reorganisation, weighted roughly by school-age population. Lê Chân is 02 so
 * that the demo seed's Phòng (31020000) and this generator's agree.
 */
const HAI_PHONG_DISTRICTS: District[] = ([
  ['01', 'Hồng Bàng', 'quận', 0.6], ['02', 'Lê Chân', 'quận', 1.3], ['03', 'Ngô Quyền', 'quận', 1.1],
  ['04', 'Hải An', 'quận', 0.9], ['05', 'Kiến An', 'quận', 0.7], ['06', 'Đồ Sơn', 'quận', 0.3],
  ['07', 'Dương Kinh', 'quận', 0.35], ['08', 'Thủy Nguyên', 'huyện', 2], ['09', 'An Dương', 'huyện', 1.2],
  ['10', 'An Lão', 'huyện', 0.9], ['11', 'Kiến Thụy', 'huyện', 0.9], ['12', 'Tiên Lãng', 'huyện', 1],
  ['13', 'Vĩnh Bảo', 'huyện', 1.1], ['14', 'Cát Hải', 'huyện', 0.25], ['15', 'Bạch Long Vĩ', 'huyện', 0.02],
] as const).map(([no, name, kind, weight]) => ({ no, name, kind, weight }));

const SO_ADDRESSES: Record<string, string> = { '31': '9 Đinh Tiên Hoàng, Hồng Bàng, Hải Phòng' };

/** Folds case and diacritics, so that `haiphong`, `Hai Phong` and `Hải Phòng` name the same province. */
export const foldName = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/^(tp|thanh pho|tinh)\s+/, '').replace(/[^a-z0-9]/g, '');

/**
 * The province by name, from the official list of province codes. Hải Phòng has its real districts; elsewhere the
 * generator makes numbered areas (khu vực), about one per 60 schools.
 */
export function provinceProfile(name: string, schools: number): ProvinceProfile | null {
  const entry = Object.entries(BIRTH_PROVINCES).find(([, n]) => foldName(n) === foldName(name));
  if (!entry) return null;
  const [birthCode, official] = entry;
  const code2 = birthCode.slice(1);
  const areas = Math.min(30, Math.max(1, Math.ceil(schools / 60)));
  const districts = code2 === '31'
    ? HAI_PHONG_DISTRICTS
    : Array.from({ length: areas }, (_, i) => ({ no: String(i + 1).padStart(2, '0'), name: String(i + 1), kind: 'khu vực' as const, weight: 1 }));
  return { name: official, code2, birthCode, districts };
}

/** The Sở GD&ĐT of the province. */
export function department(p: ProvinceProfile): OrganisationDraft {
  return {
    code: `${p.code2}000000`, name: `Sở Giáo dục và Đào tạo ${p.name}`, level: 'SO', parentCode: MINISTRY.code,
    address: SO_ADDRESSES[p.code2] ?? p.name,
  };
}

export const districtLabel = (d: District) => `${d.kind} ${d.name}`;

/** The district's Phòng GD&ĐT. */
export function districtOffice(p: ProvinceProfile, d: District): OrganisationDraft {
  return {
    code: `${p.code2}${d.no}0000`, name: `Phòng Giáo dục và Đào tạo ${districtLabel(d)}`, level: 'PHONG',
    parentCode: department(p).code, address: `${d.kind === 'khu vực' ? `Khu vực ${d.name}` : d.name}, ${p.name}`,
  };
}
