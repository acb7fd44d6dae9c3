import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ASIC_S_MIMETYPE, buildAsicContainer } from './asic-container.js';
import { scratchDir } from '../../../../../test/support/scratch-dir.js';

describe('buildAsicContainer', () => {
  const input = { dataName: 'hoc-ba.json', data: Buffer.from('{"a":1}'), signature: Buffer.from([0x30, 1, 2]), metadata: { id: 'd1' } };

  it('puts an uncompressed mimetype first, then the data and the signature', async () => {
    const zip = await buildAsicContainer(input);
    // Local file header of the first entry: name at offset 30, stored (method 0) at offset 8.
    expect(zip.readUInt32LE(0)).toBe(0x04034b50);
    expect(zip.readUInt16LE(8)).toBe(0);
    const nameLength = zip.readUInt16LE(26);
    expect(zip.subarray(30, 30 + nameLength).toString()).toBe('mimetype');
    expect(zip.subarray(30 + nameLength + zip.readUInt16LE(28)).toString().startsWith(ASIC_S_MIMETYPE)).toBe(true);

    const dir = scratchDir('asic-');
    writeFileSync(join(dir, 'c.asics'), zip);
    const listing = execFileSync('python3', ['-c', 'import zipfile,sys; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', join(dir, 'c.asics')]).toString();
    expect(listing.trim().split('\n')).toEqual(['mimetype', 'hoc-ba.json', 'META-INF/signature.p7s', 'META-INF/edu-interop.json']);
  });

  it('is byte-for-byte reproducible', async () => {
    expect((await buildAsicContainer(input)).equals(await buildAsicContainer(input))).toBe(true);
  });
});
