/** Administrative levels: the ministry, provincial departments and district offices. They issue no records. */
const ADMINISTRATIVE_LEVELS = new Set(['BO', 'SO', 'PHONG']);

export interface OrganisationFacts {
  level: string;
  status: string;
}

/** Schools and other institutions issue records under their own seal; administrative bodies do not. */
export function isInstitution(level: string): boolean {
  return !ADMINISTRATIVE_LEVELS.has(level.trim().toUpperCase());
}

/** Only an active institution gets a seal key: a closed school must not start signing again. */
export function needsSeal(org: OrganisationFacts): boolean {
  return isInstitution(org.level) && org.status.trim().toUpperCase() === 'ACTIVE';
}
