import type { ProblemCode } from '../domain/roster-problems.js';

/**
 * A check of rows against the rest of the file or the registry, in SQL. `select` yields (row_no, value, other) for
 * every row that fails, reading the import's staging table as `{rows}`; it may join `grades` (level, lo, hi): the
 * school levels and the grades they teach (school-grades.ts).
 */
export interface CrossCheck {
  code: ProblemCode;
  field: string;
  select: string;
}

/**
 * Rows of the groups (by `key`) that break a rule within the file. The groups are found with one hash aggregate over
 * the file, which also yields what `other` shows (by default another row of the group: the first, or for the first
 * the last, with an ellipsis when there are more), so a clean file of half a million rows costs one pass.
 */
const groupsInFile = (key: string[], having: string, value: string, other = OTHER_ROW, aggregates = ''): string => `
  SELECT r.row_no, ${value} AS value, ${other} AS other
  FROM {rows} r
  JOIN (SELECT ${key.join(', ')}, min(row_no) AS first, max(row_no) AS last, count(*) AS n${aggregates}
        FROM {rows} WHERE ${key[0]} <> '' GROUP BY ${key.join(', ')} HAVING ${having}) b USING (${key.join(', ')})`;

const OTHER_ROW = `CASE WHEN b.n > 2 THEN b.first || ', …, ' || b.last WHEN r.row_no = b.first THEN b.last::text ELSE b.first::text END`;

/** Rows whose `key` columns repeat in the file. */
export const duplicatesInFile = (field: string, key: string[], value: string): CrossCheck => ({
  code: 'DUPLICATE_IN_FILE',
  field,
  select: groupsInFile(key, 'count(*) > 1', value),
});

/** Rows of one ID (`idColumn`) whose personal details differ between rows. */
export const detailsDifferInFile = (idColumn: string): CrossCheck => {
  const details = `concat_ws('|', personal_id, full_name, date_of_birth, gender)`;
  return {
    code: 'PERSON_CONFLICT_IN_FILE',
    field: idColumn,
    select: groupsInFile([idColumn], `min(${details}) <> max(${details})`, `r.${idColumn}`),
  };
};

/** Rows giving one personal ID to different IDs (`idColumn`) in the file; `other` shows two of those IDs. */
export const personalIdSharedInFile = (idColumn: string): CrossCheck => ({
  code: 'PERSONAL_ID_DUPLICATE_IN_FILE',
  field: 'personal_id',
  select: groupsInFile(['personal_id'], `min(${idColumn}) <> max(${idColumn})`, 'r.personal_id', `b.min_id || ', ' || b.max_id`,
    `, min(${idColumn}) AS min_id, max(${idColumn}) AS max_id`),
});

/** Rows whose ID is already in the sector-ID registry as another kind (a student's ID given to staff, or back). */
export const sectorIdOfOtherKind = (idColumn: string, kind: 'STUDENT' | 'STAFF'): CrossCheck => ({
  code: 'SECTOR_ID_TAKEN',
  field: idColumn,
  select: `SELECT r.row_no, r.${idColumn} AS value, i.kind AS other FROM {rows} r JOIN sector_ids i ON i.sector_id = r.${idColumn} WHERE i.kind <> '${kind}'`,
});

/** Rows whose personal ID is on record for another ID, or whose ID is on record with another personal ID. */
export const personalIdAgainstRegistry = (table: string, idColumn: string): CrossCheck[] => [
  {
    code: 'PERSONAL_ID_TAKEN',
    field: 'personal_id',
    select: `SELECT r.row_no, r.personal_id AS value, t.${idColumn} AS other FROM {rows} r JOIN ${table} t ON t.personal_id = r.personal_id
             WHERE r.personal_id <> '' AND t.${idColumn} <> r.${idColumn}`,
  },
  {
    code: 'PERSONAL_ID_MISMATCH',
    field: 'personal_id',
    select: `SELECT r.row_no, r.personal_id AS value, t.personal_id AS other FROM {rows} r JOIN ${table} t ON t.${idColumn} = r.${idColumn}
             WHERE r.personal_id <> '' AND t.personal_id IS NOT NULL AND t.personal_id <> r.personal_id`,
  },
];

/**
 * The row's reference (`column`) must name a row of `table` (by `key`) that is still ACTIVE: `unknown` when it names
 * none, `inactive` when it names a closed one.
 */
export const referenceChecks = (
  column: string,
  target: { table: string; key: string },
  codes: { unknown: ProblemCode; inactive: ProblemCode },
): CrossCheck[] => [
  {
    code: codes.unknown,
    field: column,
    select: `SELECT r.row_no, r.${column} AS value, '' AS other FROM {rows} r LEFT JOIN ${target.table} t ON t.${target.key} = r.${column}
             WHERE r.${column} <> '' AND t.${target.key} IS NULL`,
  },
  {
    code: codes.inactive,
    field: column,
    select: `SELECT r.row_no, r.${column} AS value, '' AS other FROM {rows} r JOIN ${target.table} t ON t.${target.key} = r.${column}
             WHERE t.status <> 'ACTIVE'`,
  },
];
