import { DomainError } from '@edu/errors';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { ContainerLimits, readAsicContainer } from './asic-container.js';

type Entry = [name: string, data: Buffer];

function zip(entries: Entry[]): Promise<Buffer> {
  const file = new yazl.ZipFile();
  for (const [name, data] of entries) {
    if (name.endsWith('/')) file.addEmptyDirectory(name);
    else file.addBuffer(data, name, { compress: name !== 'mimetype' });
  }
  file.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    file.outputStream.on('data', (c: Buffer) => chunks.push(c));
    file.outputStream.on('error', reject);
    file.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

const mimetype: Entry = ['mimetype', Buffer.from('application/vnd.etsi.asic-s+zip')];
const data: Entry = ['hoc-ba.json', Buffer.from('{"hocSinh":"Lê Văn C"}')];
const signature: Entry = ['META-INF/signature.p7s', Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01])];

async function refusal(entries: Entry[] | Buffer): Promise<string> {
  const error = await readAsicContainer(Buffer.isBuffer(entries) ? entries : await zip(entries)).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code: 'SIGNING.VALIDATION_INPUT_INVALID', field: 'container' });
  return (error as DomainError).text.en;
}

describe('readAsicContainer', () => {
  it('reads the data object and every META-INF/*.p7s, ignoring the other metadata', async () => {
    const second: Entry = ['META-INF/signature2.p7s', Buffer.from([0x30, 0x00])];
    const contents = await readAsicContainer(await zip([mimetype, data, signature, second, ['META-INF/edu-interop.json', Buffer.from('{}')], ['META-INF/', Buffer.alloc(0)]]));
    expect(contents).toEqual({ dataName: 'hoc-ba.json', content: data[1], signatures: [signature[1], second[1]] });
  });

  it('refuses containers that are not what archiving builds', async () => {
    expect(await refusal(Buffer.from('PK not really'))).toMatch(/not a ZIP file/);
    expect(await refusal([mimetype, data])).toMatch(/1 to 20 signatures/);
    expect(await refusal([mimetype, data, ['phu-luc.pdf', Buffer.from('%PDF')], signature])).toMatch(/exactly one data object, found 2/);
    expect(await refusal([['mimetype', Buffer.from('application/zip')], data, signature])).toMatch(/mimetype/);
    expect(await refusal([mimetype, data, ['META-INF/ASiCManifest.xml', Buffer.from('<x/>')], signature])).toMatch(/ASiCManifest/);
  });

  it('refuses to inflate more than its limits, however small the ZIP', async () => {
    const bomb = await zip([mimetype, ['big.json', Buffer.alloc(ContainerLimits.entryBytes + 1)], signature]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(bomb)).toMatch(/too much data/);
    const crowd = Array.from({ length: ContainerLimits.entries }, (_, i): Entry => [`META-INF/x${i}.xml`, Buffer.from('x')]);
    expect(await refusal([mimetype, data, signature, ...crowd])).toMatch(/more than 64 files/);
  });
});
