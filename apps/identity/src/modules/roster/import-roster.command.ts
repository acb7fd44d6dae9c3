import { CommonErrors } from '@edu/errors';
import { RosterErrors } from './domain/roster-errors.js';
import { IMPORT_MODES, type ImportMode } from './domain/roster-import.js';
import { isRosterKind } from './domain/roster-kinds.js';
import type { RosterKindName } from './domain/roster-rows.js';

const CSV_TYPE = /^text\/csv\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** A roster upload as asked for: which format, which mode, and a body that says it is UTF-8 CSV. */
export class ImportRosterCommand {
  private constructor(
    readonly kind: RosterKindName,
    readonly mode: ImportMode,
  ) {}

  static from(query: { kind?: string; mode?: string }, contentType: string | undefined): ImportRosterCommand {
    if (!contentType || !CSV_TYPE.test(contentType.trim())) throw CommonErrors.unsupportedMediaType('text/csv; charset=utf-8');
    const kind = query.kind ?? 'students';
    if (!isRosterKind(kind)) throw RosterErrors.kind(kind);
    const mode = query.mode ?? 'all-or-nothing';
    if (!IMPORT_MODES.includes(mode as ImportMode)) throw RosterErrors.mode(mode);
    return new ImportRosterCommand(kind, mode as ImportMode);
  }
}
