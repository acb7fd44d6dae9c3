import { DomainError } from '@edu/errors';
import { ORGANISATION_LEVELS } from './organisation.js';

const LEVELS = ORGANISATION_LEVELS.join(', ');

/** Errors of the organisation registry. Codes are stable: operators' tools switch on them. */
export const OrganisationErrors = {
  codeInvalid: (code: string) =>
    new DomainError('IDENTITY.ORGANISATION_CODE_INVALID', 'invalid', {
      vi: `Mã đơn vị "${code}" không hợp lệ: 2–20 ký tự chữ in hoa, chữ số, dấu chấm hoặc gạch nối, bắt đầu và kết thúc bằng chữ hoặc số`,
      en: `Organisation code "${code}" is invalid: 2–20 upper-case letters, digits, dots or hyphens, starting and ending with a letter or digit`,
    }, 'code'),
  nameInvalid: () =>
    new DomainError('IDENTITY.ORGANISATION_NAME_INVALID', 'invalid', {
      vi: 'Tên đơn vị là bắt buộc và dài tối đa 200 ký tự',
      en: 'The organisation name is required and at most 200 characters long',
    }, 'name'),
  addressInvalid: () =>
    new DomainError('IDENTITY.ORGANISATION_ADDRESS_INVALID', 'invalid', {
      vi: 'Địa chỉ dài tối đa 300 ký tự',
      en: 'The address is at most 300 characters long',
    }, 'address'),
  levelInvalid: (level: string) =>
    new DomainError('IDENTITY.ORGANISATION_LEVEL_INVALID', 'invalid', {
      vi: `Cấp đơn vị "${level}" không hợp lệ (${LEVELS})`,
      en: `Unknown organisation level "${level}" (${LEVELS})`,
    }, 'level'),
  levelFixed: (code: string, level: string) =>
    new DomainError('IDENTITY.ORGANISATION_LEVEL_FIXED', 'unprocessable', {
      vi: `Đơn vị ${code} thuộc cấp ${level}; không đổi được cấp của một đơn vị`,
      en: `Organisation ${code} is a ${level}; an organisation's level cannot change`,
    }, 'level'),
  hierarchy: (level: string, allowed: readonly string[], parentLevel: string | null) =>
    new DomainError('IDENTITY.ORGANISATION_HIERARCHY', 'unprocessable', allowed.length
      ? {
          vi: `Đơn vị cấp ${level} phải trực thuộc đơn vị cấp ${allowed.join(' hoặc ')}${parentLevel ? `, không phải ${parentLevel}` : ''}`,
          en: `A ${level} must belong to a ${allowed.join(' or ')}${parentLevel ? `, not a ${parentLevel}` : ''}`,
        }
      : { vi: `Đơn vị cấp ${level} không trực thuộc đơn vị nào`, en: `A ${level} has no parent organisation` }, 'parentCode'),
  parentUnknown: (code: string) =>
    new DomainError('IDENTITY.ORGANISATION_PARENT_UNKNOWN', 'unprocessable', {
      vi: `Không có đơn vị cấp trên mã ${code}`,
      en: `No parent organisation with code ${code}`,
    }, 'parentCode'),
  parentNotActive: (code: string, status: string) =>
    new DomainError('IDENTITY.ORGANISATION_PARENT_NOT_ACTIVE', 'unprocessable', {
      vi: `Đơn vị cấp trên ${code} không còn hoạt động (${status})`,
      en: `Parent organisation ${code} is not active (${status})`,
    }, 'parentCode'),
  codeTaken: (code: string) =>
    new DomainError('IDENTITY.ORGANISATION_CODE_TAKEN', 'conflict', {
      vi: `Mã đơn vị ${code} đã từng được cấp; mã không bao giờ được dùng lại`,
      en: `Organisation code ${code} was already issued; codes are never reused`,
    }, 'code'),
  notFound: (code: string, field = 'code') =>
    new DomainError('IDENTITY.ORGANISATION_NOT_FOUND', 'not-found', {
      vi: `Không có đơn vị mã ${code}`,
      en: `No organisation with code ${code}`,
    }, field),
  notActive: (code: string, status: string, field = 'code') =>
    new DomainError('IDENTITY.ORGANISATION_NOT_ACTIVE', 'conflict', {
      vi: `Đơn vị ${code} không còn hoạt động (${status})`,
      en: `Organisation ${code} is not active (${status})`,
    }, field),
  mergeIntoSelf: () =>
    new DomainError('IDENTITY.MERGE_INTO_SELF', 'invalid', {
      vi: 'Không sáp nhập được một đơn vị vào chính nó',
      en: 'An organisation cannot be merged into itself',
    }, 'into'),
  mergeAcrossLevels: (level: string, targetLevel: string) =>
    new DomainError('IDENTITY.MERGE_ACROSS_LEVELS', 'unprocessable', {
      vi: `Chỉ sáp nhập được vào đơn vị cùng cấp (${level}), không vào đơn vị cấp ${targetLevel}`,
      en: `An organisation merges only into one of the same level (${level}), not into a ${targetLevel}`,
    }, 'into'),
  hasActiveChildren: (code: string, count: number) =>
    new DomainError('IDENTITY.ORGANISATION_HAS_ACTIVE_CHILDREN', 'conflict', {
      vi: `Đơn vị ${code} còn ${count} đơn vị trực thuộc đang hoạt động; hãy đóng hoặc sáp nhập chúng trước`,
      en: `Organisation ${code} still has ${count} active child organisations; close or merge them first`,
    }, 'code'),
  reasonRequired: () =>
    new DomainError('IDENTITY.CLOSE_REASON_REQUIRED', 'invalid', {
      vi: 'Cần nêu lý do đóng đơn vị (tối đa 500 ký tự)',
      en: 'A reason for closing is required (at most 500 characters)',
    }, 'reason'),
};
