/** Levels of the sector's organisations (organisations.csv `level`). Administrative: BO, SO, PHONG; the rest issue records. */
export const ORGANISATION_LEVELS = ['BO', 'SO', 'PHONG', 'MAM_NON', 'TIEU_HOC', 'THCS', 'THPT', 'LIEN_CAP', 'GDTX', 'GDNN', 'CAO_DANG'] as const;
export type OrganisationLevel = (typeof ORGANISATION_LEVELS)[number];

export const ORGANISATION_STATUSES = ['ACTIVE', 'CLOSED', 'MERGED'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

/** The change each version of an organisation records, and the `change` of its OrganisationRegistered event. */
export type OrganisationChange = 'CREATED' | 'UPDATED' | 'MERGED' | 'CLOSED';

/** What an operator states about an organisation: the columns of organisations.csv. */
export interface OrganisationDraft {
  code: string;
  name: string;
  level: OrganisationLevel;
  parentCode: string | null;
  address: string | null;
}

/** The current state of an organisation; `version` counts its changes from 1. */
export interface Organisation extends OrganisationDraft {
  status: OrganisationStatus;
  mergedInto: string | null;
  version: number;
}

export function isOrganisationLevel(value: string): value is OrganisationLevel {
  return (ORGANISATION_LEVELS as readonly string[]).includes(value);
}

export function isOrganisationStatus(value: string): value is OrganisationStatus {
  return (ORGANISATION_STATUSES as readonly string[]).includes(value);
}

/** True when the organisation's draft facts differ from its stored state. */
export function differs(org: Organisation, draft: OrganisationDraft): boolean {
  return org.name !== draft.name || org.parentCode !== draft.parentCode || org.address !== draft.address || org.level !== draft.level;
}
