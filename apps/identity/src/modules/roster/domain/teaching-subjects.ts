import { HOMEROOM } from '../../people/teacher-assignments.js';

/**
 * Subject codes a teacher may be assigned: the 2018 curriculum's subjects as interchange's subject catalogue records
 * them (apps/interchange/src/modules/documents/domain/subject-catalogue.ts; apps do not import each other, so the codes
 * are listed here and must follow that catalogue), plus the homeroom role.
 */
export const TEACHING_SUBJECTS: ReadonlySet<string> = new Set([
  // primary
  'TIENG_VIET', 'TOAN', 'NGOAI_NGU_1', 'DAO_DUC', 'TN_XH', 'LICH_SU_DIA_LI', 'KHOA_HOC', 'TIN_HOC_CONG_NGHE', 'GDTC',
  'AM_NHAC', 'MI_THUAT', 'HDTN',
  // lower secondary
  'NGU_VAN', 'GDCD', 'KHTN', 'CONG_NGHE', 'TIN_HOC', 'NGHE_THUAT', 'HDTN_HN', 'GDDP',
  // upper secondary
  'LICH_SU', 'GDQP_AN', 'DIA_LI', 'GDKT_PL', 'VAT_LI', 'HOA_HOC', 'SINH_HOC',
  HOMEROOM,
]);
