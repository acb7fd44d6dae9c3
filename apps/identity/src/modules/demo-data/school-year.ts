const SCHOOL_YEAR = /^(\d{4})-(\d{4})$/;

/** The school year running on `now`: it starts in September. */
export function currentSchoolYear(now = new Date()): string {
  const y = now.getUTCFullYear();
  return now.getUTCMonth() >= 8 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}

/** True for `2025-2026`-like years whose second year follows the first. */
export function isSchoolYear(text: string): boolean {
  const m = SCHOOL_YEAR.exec(text);
  return m !== null && Number(m[2]) === Number(m[1]) + 1;
}
