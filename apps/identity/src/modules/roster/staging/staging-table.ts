import type { RosterRows } from '../domain/roster-rows.js';

/**
 * Each upload lands in its own UNLOGGED table: COPY into it is cheap (no WAL), and dropping it when the import ends is
 * instant where deleting half a million rows from a shared table would not be. PostgreSQL empties unlogged tables
 * after its own crash; the worker then sees fewer rows than were read and fails the import instead of applying a part.
 */
export const stagingTable = (importId: string): string => `roster_rows_${importId.replace(/-/g, '')}`;

export const createStagingSql = (rows: RosterRows, table: string): string =>
  `CREATE UNLOGGED TABLE ${table} (row_no int NOT NULL, ${rows.columns.map((c) => `${c} text NOT NULL`).join(', ')},
     valid boolean NOT NULL, problems text)`;

export const copyStagingSql = (rows: RosterRows, table: string): string =>
  `COPY ${table} (row_no, ${rows.columns.join(', ')}, valid, problems) FROM STDIN`;

export const dropStagingSql = (table: string): string => `DROP TABLE IF EXISTS ${table}`;
