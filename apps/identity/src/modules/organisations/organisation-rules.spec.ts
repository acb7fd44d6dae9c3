import { describe, expect, it } from 'vitest';
import { ORGANISATION_LEVELS, type OrganisationLevel } from './organisation.js';
import { ALLOWED_PARENTS, hierarchyProblem, isValidCode, LEVEL_RANK, parentProblem, readDraft } from './organisation-rules.js';

describe('organisation hierarchy', () => {
  it.each([
    ['BO', null], ['SO', 'BO'], ['PHONG', 'SO'],
    ['MAM_NON', 'PHONG'], ['TIEU_HOC', 'PHONG'], ['THCS', 'PHONG'], ['LIEN_CAP', 'PHONG'],
    ['MAM_NON', 'SO'], ['TIEU_HOC', 'SO'], ['THCS', 'SO'], ['LIEN_CAP', 'SO'],
    ['THPT', 'SO'], ['GDTX', 'SO'], ['GDNN', 'SO'], ['CAO_DANG', 'SO'],
  ] as const)('lets a %s sit under %s', (level, parent) => {
    expect(hierarchyProblem(level, parent)).toBeNull();
  });

  it.each([
    ['BO', 'BO'], ['SO', null], ['SO', 'SO'], ['PHONG', 'BO'], ['PHONG', null], ['THPT', 'PHONG'], ['GDTX', 'PHONG'],
    ['TIEU_HOC', 'BO'], ['TIEU_HOC', 'THCS'], ['THCS', null], ['CAO_DANG', 'BO'],
  ] as const)('refuses a %s under %s with a message in both languages', (level, parent) => {
    const problem = hierarchyProblem(level, parent);
    expect(problem?.code).toBe('IDENTITY.ORGANISATION_HIERARCHY');
    expect(problem?.field).toBe('parentCode');
    expect(problem?.text.vi).toMatch(/cấp/);
    expect(problem?.text.en).toContain(level);
  });

  it('puts every parent level strictly higher, so the tree can have no cycle', () => {
    for (const level of ORGANISATION_LEVELS)
      for (const parent of ALLOWED_PARENTS[level]) expect(LEVEL_RANK[parent]).toBeLessThan(LEVEL_RANK[level as OrganisationLevel]);
  });

  it('wants a parent that exists and is active', () => {
    expect(parentProblem('THPT', '31000000', undefined)?.code).toBe('IDENTITY.ORGANISATION_PARENT_UNKNOWN');
    expect(parentProblem('THPT', '31000000', { level: 'SO', status: 'CLOSED' })?.code).toBe('IDENTITY.ORGANISATION_PARENT_NOT_ACTIVE');
    expect(parentProblem('THPT', '31000000', { level: 'SO', status: 'ACTIVE' })).toBeNull();
    expect(parentProblem('BO', null, undefined)).toBeNull();
  });
});

describe('organisation codes and drafts', () => {
  it.each(['31000101', 'BGDDT', '000.00.31.H31', 'SO-31', '31'])('accepts the code %s', (code) => expect(isValidCode(code)).toBe(true));
  it.each(['', '3', 'abc', '31 00', '.310', '310.', 'Ä1', '3'.repeat(21), '31/01'])('refuses the code %j', (code) => expect(isValidCode(code)).toBe(false));

  it('cleans text: NFC, trimmed, inner spaces collapsed; an empty parent or address is none', () => {
    const decomposed = 'Trường  THPT Trần Phú '.normalize('NFD');
    const { draft, problems } = readDraft({ code: '31000101', name: decomposed, level: 'THPT', parentCode: '31000000', address: '  ' });
    expect(problems).toEqual([]);
    expect(draft).toEqual({ code: '31000101', name: 'Trường THPT Trần Phú', level: 'THPT', parentCode: '31000000', address: null });
  });

  it('reports every problem of a draft at once', () => {
    const { problems } = readDraft({ code: 'x', name: '', level: 'UNIVERSITY', parentCode: '', address: 'a'.repeat(301) });
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ['IDENTITY.ORGANISATION_CODE_INVALID', 'code'],
      ['IDENTITY.ORGANISATION_NAME_INVALID', 'name'],
      ['IDENTITY.ORGANISATION_ADDRESS_INVALID', 'address'],
      ['IDENTITY.ORGANISATION_LEVEL_INVALID', 'level'],
    ]);
  });

  it('wants a parent for every level but the Bộ, and none for the Bộ', () => {
    expect(readDraft({ code: '31020201', name: 'THCS', level: 'THCS' }).problems[0]?.code).toBe('IDENTITY.ORGANISATION_HIERARCHY');
    expect(readDraft({ code: 'BGDDT', name: 'Bộ', level: 'BO', parentCode: 'X1' }).problems[0]?.code).toBe('IDENTITY.ORGANISATION_HIERARCHY');
  });
});
