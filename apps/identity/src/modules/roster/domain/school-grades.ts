/**
 * The grades each level of school teaches. Preschool (mầm non) enrols as grade 0 whatever the group (nhà trẻ, mẫu giáo
 * bé / nhỡ / lớn): the group is in the class name. Levels not listed (Bộ, Sở, Phòng, vocational, colleges) have no
 * students in these rosters.
 */
export const GRADES_BY_LEVEL: Readonly<Record<string, readonly [number, number]>> = {
  MAM_NON: [0, 0],
  TIEU_HOC: [1, 5],
  THCS: [6, 9],
  THPT: [10, 12],
  LIEN_CAP: [1, 12],
  GDTX: [6, 12],
};

/** The table above as SQL array parameters: levels, lowest and highest grades (see the cross-checks). */
export const gradeParams = (): [string[], number[], number[]] => {
  const entries = Object.entries(GRADES_BY_LEVEL);
  return [entries.map(([l]) => l), entries.map(([, r]) => r[0]), entries.map(([, r]) => r[1])];
};
