import { describe, expect, it } from 'vitest';
import { ImportRosterCommand } from './import-roster.command.js';

describe('import roster command', () => {
  it('defaults to students, all or nothing', () => {
    expect(ImportRosterCommand.from({}, 'text/csv')).toMatchObject({ kind: 'students', mode: 'all-or-nothing' });
    expect(ImportRosterCommand.from({ kind: 'teachers', mode: 'accept-valid' }, 'text/csv; charset=UTF-8')).toMatchObject({ kind: 'teachers', mode: 'accept-valid' });
  });

  it('refuses a body that is not UTF-8 CSV, an unknown kind or mode', () => {
    expect(() => ImportRosterCommand.from({}, 'application/json')).toThrow(expect.objectContaining({ code: 'COMMON.UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => ImportRosterCommand.from({}, 'text/csv; charset=windows-1258')).toThrow(expect.objectContaining({ code: 'COMMON.UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => ImportRosterCommand.from({}, undefined)).toThrow(expect.objectContaining({ code: 'COMMON.UNSUPPORTED_MEDIA_TYPE' }));
    expect(() => ImportRosterCommand.from({ kind: 'parents' }, 'text/csv')).toThrow(expect.objectContaining({ code: 'IDENTITY.ROSTER_KIND_INVALID', field: 'kind' }));
    expect(() => ImportRosterCommand.from({ mode: 'merge' }, 'text/csv')).toThrow(expect.objectContaining({ code: 'IDENTITY.ROSTER_MODE_INVALID', field: 'mode' }));
  });
});
