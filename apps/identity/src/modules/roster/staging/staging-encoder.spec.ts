import { parse } from 'csv-parse';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import { ASSIGNMENT_ROWS } from '../domain/assignment-rows.js';
import { copyText, StagingEncoder } from './staging-encoder.js';

const HEADER = 'person_id,school_code,class_name,subject,school_year';

/** Runs `csv` through the parser and the encoder as an upload does; returns the COPY lines and the rows read. */
async function encode(csv: string | Buffer) {
  const encoder = new StagingEncoder(ASSIGNMENT_ROWS, '2026-11-23');
  let out = '';
  await pipeline(Readable.from([Buffer.from(csv)]), parse({ bom: true, relax_column_count: true, skip_empty_lines: true }), encoder, async (lines: AsyncIterable<Buffer>) => {
    for await (const chunk of lines) out += chunk.toString();
  });
  return { lines: out.split('\n').filter(Boolean).map((l) => l.split('\t')), rowsRead: encoder.rowsRead };
}

describe('staging encoder', () => {
  it('numbers data rows from 1, keeps good rows valid and stores the problems of bad ones', async () => {
    const { lines, rowsRead } = await encode(`\uFEFF${HEADER}\r\n3160000000,31000101,10A1,TOAN,2025-2026\r\n\r\n3160000000,31000101,10A1,VAN,2025-2026\r\n`);
    expect(rowsRead).toBe(2);
    expect(lines[0]).toEqual(['1', '3160000000', '31000101', '10A1', 'TOAN', '2025-2026', 't', '\\N']);
    expect(lines[1].slice(0, 1)).toEqual(['2']);
    expect(lines[1][6]).toBe('f');
    expect(JSON.parse(lines[1][7])).toEqual([['subject', 'IDENTITY.SUBJECT_UNKNOWN', expect.stringContaining('VAN'), expect.stringContaining('VAN')]]);
  });

  it('trims values and puts Vietnamese text in NFC', async () => {
    const { lines } = await encode(`${HEADER}\n3160000000 , 31000101,"Lớp 10A1 ",TOAN,2025-2026\n`.normalize('NFD'));
    expect(lines[0][3]).toBe('Lớp 10A1'.normalize('NFC'));
    expect(lines[0][3]).not.toBe('Lớp 10A1'.normalize('NFD'));
  });

  it('escapes what COPY text treats specially, and drops NUL', () => {
    expect(copyText('a\tb\\c\nd\re')).toBe('a\\tb\\\\c\\nd\\re');
    expect(copyText('x\0y')).toBe('xy');
    expect(copyText('Nguyễn Văn A')).toBe('Nguyễn Văn A');
  });

  it('refuses a wrong, missing or extra header column by name, and an empty file', async () => {
    await expect(encode('person_id,school,class_name,subject,school_year\n')).rejects.toMatchObject({ code: 'IDENTITY.CSV_HEADER', field: 'school_code' });
    await expect(encode('person_id,school_code,class_name,subject\n')).rejects.toMatchObject({ code: 'IDENTITY.CSV_HEADER', field: 'school_year' });
    await expect(encode(`${HEADER},note\n`)).rejects.toMatchObject({ code: 'IDENTITY.CSV_HEADER', field: 'note' });
    await expect(encode('')).rejects.toMatchObject({ code: 'IDENTITY.CSV_EMPTY' });
  });

  it('refuses a header that is not UTF-8 (UTF-16 without a BOM), and flags a data row that is not', async () => {
    await expect(encode(Buffer.from(`${HEADER}\n`, 'utf16le'))).rejects.toMatchObject({ code: 'IDENTITY.CSV_ENCODING', field: 'header' });
    const { lines } = await encode(Buffer.concat([Buffer.from(`${HEADER}\n3160000000,31000101,`), Buffer.from([0xc0, 0x41]), Buffer.from(',TOAN,2025-2026\n')]));
    expect(JSON.parse(lines[0][7])[0].slice(0, 2)).toEqual(['class_name', 'IDENTITY.CSV_ENCODING']);
  });
});
