import { describe, expect, it } from 'vitest';
import { readOrganisationsCsv } from './organisations-csv.js';

const HEADER = 'code,name,level,parent_code,address';

describe('organisations.csv', () => {
  it('reads rows with a BOM, quoted commas and line breaks, numbering rows as a spreadsheet does', () => {
    const csv = `\uFEFF${HEADER}\nBGDDT,Bộ Giáo dục và Đào tạo,BO,,"35 Đại Cồ Việt, Hà Nội"\n\n31000000,"Sở GD&ĐT
Hải Phòng",SO,BGDDT,\n`;
    const { rows, problems } = readOrganisationsCsv(csv);
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.row, r.draft.code, r.draft.name, r.draft.address])).toEqual([
      [2, 'BGDDT', 'Bộ Giáo dục và Đào tạo', '35 Đại Cồ Việt, Hà Nội'],
      [5, '31000000', 'Sở GD&ĐT Hải Phòng', null],
    ]);
  });

  it('refuses a file whose header is not exactly the format', () => {
    const { problems } = readOrganisationsCsv('code,name,level,address,parent_code\n');
    expect(problems).toEqual([expect.objectContaining({ row: 1, field: 'header', code: 'IDENTITY.CSV_HEADER' })]);
  });

  it('reports every bad row with its row, column and code, and duplicate codes', () => {
    const csv = [HEADER, '31000101,Trường A,THPT,31000000,', 'x,Trường B,THPT,31000000,', '31000102,,KINDERGARTEN,,',
      '31000101,Trường C,THPT,31000000,', '31000103,Trường D,THPT'].join('\n');
    const { rows, problems } = readOrganisationsCsv(csv);
    expect(rows.map((r) => r.draft.code)).toEqual(['31000101']);
    expect(problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [6, null, 'IDENTITY.CSV_COLUMN_COUNT'],
      [3, 'code', 'IDENTITY.ORGANISATION_CODE_INVALID'],
      [4, 'name', 'IDENTITY.ORGANISATION_NAME_INVALID'],
      [4, 'level', 'IDENTITY.ORGANISATION_LEVEL_INVALID'],
      [5, 'code', 'IDENTITY.CSV_DUPLICATE_CODE'],
    ]);
    expect(problems[4].message.vi).toContain('dòng 2');
  });

  it('reports an unreadable file as one problem', () => {
    const { problems } = readOrganisationsCsv(`${HEADER}\n"31000101,Trường A,THPT,31000000,\n`);
    expect(problems).toEqual([expect.objectContaining({ code: 'IDENTITY.CSV_MALFORMED' })]);
  });
});
