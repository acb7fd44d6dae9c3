import type { DomainError } from '@edu/errors';
import { isOrganisationLevel, type Organisation, type OrganisationDraft, type OrganisationLevel } from './organisation.js';
import { OrganisationErrors } from './organisation-errors.js';

/**
 * Codes route documents (edXML `OrganId`), so they are plain and stable: upper-case letters and digits, optionally
 * separated by dots or hyphens (the 8-digit sector codes, `BGDDT`, or agency codes like `000.00.31.H31`).
 */
const CODE = /^[A-Z0-9](?:[A-Z0-9.-]{0,18}[A-Z0-9])$/;
const NAME_MAX = 200;
const ADDRESS_MAX = 300;

/**
 * Who may be whose parent: the Bộ heads the tree, a Sở belongs to the Bộ, a Phòng to a Sở. Preschools, primary,
 * lower-secondary and multi-level schools belong to a Phòng (or directly to the Sở); upper-secondary, continuing
 * education, vocational schools and colleges to the Sở. Every parent sits strictly higher, so no cycle can form.
 */
export const ALLOWED_PARENTS: Readonly<Record<OrganisationLevel, readonly OrganisationLevel[]>> = {
  BO: [],
  SO: ['BO'],
  PHONG: ['SO'],
  MAM_NON: ['PHONG', 'SO'],
  TIEU_HOC: ['PHONG', 'SO'],
  THCS: ['PHONG', 'SO'],
  LIEN_CAP: ['PHONG', 'SO'],
  THPT: ['SO'],
  GDTX: ['SO'],
  GDNN: ['SO'],
  CAO_DANG: ['SO'],
};

/** Creation order: every level after the levels its parents may have. */
export const LEVEL_RANK: Readonly<Record<OrganisationLevel, number>> = {
  BO: 0, SO: 1, PHONG: 2, MAM_NON: 3, TIEU_HOC: 3, THCS: 3, LIEN_CAP: 3, THPT: 3, GDTX: 3, GDNN: 3, CAO_DANG: 3,
};

export function isValidCode(code: string): boolean {
  return CODE.test(code);
}

/** Null when an organisation of `level` may sit under a parent of `parentLevel` (null: no parent). */
export function hierarchyProblem(level: OrganisationLevel, parentLevel: OrganisationLevel | null): DomainError | null {
  const allowed = ALLOWED_PARENTS[level];
  if (parentLevel === null ? allowed.length === 0 : allowed.includes(parentLevel)) return null;
  return OrganisationErrors.hierarchy(level, allowed, parentLevel);
}

/** Null when `parent` (looked up by `parentCode`) may take an organisation of `level` as its child now. */
export function parentProblem(level: OrganisationLevel, parentCode: string | null, parent: Pick<Organisation, 'level' | 'status'> | undefined): DomainError | null {
  if (!parentCode) return hierarchyProblem(level, null);
  if (!parent) return OrganisationErrors.parentUnknown(parentCode);
  if (parent.status !== 'ACTIVE') return OrganisationErrors.parentNotActive(parentCode, parent.status);
  return hierarchyProblem(level, parent.level);
}

/** Trimmed, NFC-normalised (spreadsheets on some systems write decomposed diacritics), inner spaces collapsed. */
export function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.normalize('NFC').replace(/\s+/g, ' ').trim();
  return text || null;
}

export function nameProblem(name: string | null): DomainError | null {
  return name && name.length <= NAME_MAX ? null : OrganisationErrors.nameInvalid();
}

export function addressProblem(address: string | null): DomainError | null {
  return !address || address.length <= ADDRESS_MAX ? null : OrganisationErrors.addressInvalid();
}

/**
 * Checks what can be checked without the registry: formats, and that a parent is named exactly when the level needs
 * one. Returns the draft and every problem found, so that an import can report them all.
 */
export function readDraft(input: Record<string, unknown>): { draft: OrganisationDraft; problems: DomainError[] } {
  const code = typeof input.code === 'string' ? input.code.trim() : '';
  const name = cleanText(input.name);
  const rawLevel = typeof input.level === 'string' ? input.level.trim() : '';
  const parentCode = cleanText(input.parentCode);
  const address = cleanText(input.address);
  const problems: DomainError[] = [];
  if (!isValidCode(code)) problems.push(OrganisationErrors.codeInvalid(code));
  problems.push(...[nameProblem(name), addressProblem(address)].filter((p) => p !== null));
  if (!isOrganisationLevel(rawLevel)) problems.push(OrganisationErrors.levelInvalid(rawLevel));
  else if (!parentCode && ALLOWED_PARENTS[rawLevel].length) problems.push(OrganisationErrors.hierarchy(rawLevel, ALLOWED_PARENTS[rawLevel], null));
  else if (parentCode && !ALLOWED_PARENTS[rawLevel].length) problems.push(OrganisationErrors.hierarchy(rawLevel, [], null));
  if (parentCode && !isValidCode(parentCode)) problems.push(OrganisationErrors.parentUnknown(parentCode));
  const draft = { code, name: name ?? '', level: rawLevel as OrganisationLevel, parentCode, address };
  return { draft, problems };
}
