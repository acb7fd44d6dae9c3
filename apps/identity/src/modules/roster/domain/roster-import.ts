import type { RosterKindName } from './roster-rows.js';

export type ImportStatus = 'RECEIVED' | 'VALIDATING' | 'APPLYING' | 'DONE' | 'REJECTED' | 'FAILED';
export type ImportMode = 'all-or-nothing' | 'accept-valid';

export const IMPORT_MODES: readonly ImportMode[] = ['all-or-nothing', 'accept-valid'];
/** Statuses a worker still has to move on: after a crash these are resumed. */
export const UNFINISHED: readonly ImportStatus[] = ['RECEIVED', 'VALIDATING', 'APPLYING'];

/** One roster upload and how far it got. */
export interface RosterImport {
  id: string;
  kind: RosterKindName;
  mode: ImportMode;
  status: ImportStatus;
  correlationId: string;
  rowsRead: number;
  rowsValid: number | null;
  rowsApplied: number;
  rowsUnchanged: number;
  problemCount: number;
  failure: string | null;
  createdAt: string;
  finishedAt: string | null;
}
