export type Gender = 'NAM' | 'NU';

export interface Student {
  studentId: string;
  /** The 12-digit CCCD number; young children may have none yet. */
  personalId: string | null;
  fullName: string;
  dateOfBirth: string;
  gender: Gender;
}

export interface Enrolment {
  studentId: string;
  schoolCode: string;
  className: string;
  grade: number;
  schoolYear: string;
}

/**
 * Where a writer reads its input rows: a SELECT whose columns are named as in the roster CSV formats, with its own
 * parameters ($1...). A roster import reads a chunk of its staging table; the seed passes arrays through unnest.
 */
export interface RowSource {
  sql: string;
  params: unknown[];
}

/** What a writer did with a source's rows: `changed` were new or different and announced; the rest were unchanged. */
export interface WriteOutcome {
  changed: number;
}
