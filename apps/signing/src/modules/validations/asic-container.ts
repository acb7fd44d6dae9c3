import { MAX_SIGNATURES } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { SigningErrors } from '../../signing-errors.js';

export const ASIC_MIMETYPES = ['application/vnd.etsi.asic-s+zip', 'application/vnd.etsi.asic-e+zip'];

/** Bounds on what one container may make us inflate: a small ZIP can promise gigabytes. */
export const ContainerLimits = {
  entries: 64,
  entryBytes: 20 * 1024 * 1024,
  totalBytes: 40 * 1024 * 1024,
} as const;

export interface ContainerContents {
  dataName: string;
  content: Buffer;
  signatures: Buffer[];
}

const SIGNATURE = /^META-INF\/[^/]*\.p7s$/i;
const CADES_MANIFEST = /^META-INF\/ASiCManifest[^/]*\.xml$/i;

/**
 * The data object and the CAdES signatures of an ASiC container (ETSI EN 319 162-1) as archiving builds it: a
 * `mimetype`, one data object and detached CMS signatures under `META-INF/*.p7s` covering it directly. Containers
 * whose signatures cover an ASiCManifest (ASiC-E with several data objects) are refused: the manifest's references
 * would have to be checked too. Anything that is not such a container is a 400 with field `container`.
 */
export async function readAsicContainer(zip: Buffer): Promise<ContainerContents> {
  let file: yauzl.ZipFile;
  try {
    file = await yauzl.fromBufferPromise(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  } catch {
    throw invalid('the container is not a ZIP file', 'Tệp chứa không phải tệp ZIP');
  }
  if (file.entryCount > ContainerLimits.entries) throw invalid(`the container holds more than ${ContainerLimits.entries} files`, 'Tệp chứa có quá nhiều tệp');
  const data: Array<{ name: string; bytes: Buffer }> = [];
  const signatures: Buffer[] = [];
  let total = 0;
  try {
    for await (const entry of file.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/')) continue;
      if (CADES_MANIFEST.test(name)) throw invalid('signatures over an ASiCManifest are not supported', 'Chưa hỗ trợ chữ ký trên ASiCManifest');
      const wanted = name === 'mimetype' || SIGNATURE.test(name) || !name.startsWith('META-INF/');
      if (!wanted) continue;
      if (entry.isEncrypted() || !entry.canDecodeFileData()) throw invalid(`${name} is encrypted or compressed in an unsupported way`, `${name} bị mã hóa hoặc nén theo cách không hỗ trợ`);
      if (entry.uncompressedSize > ContainerLimits.entryBytes || (total += entry.uncompressedSize) > ContainerLimits.totalBytes) {
        throw invalid('the container holds too much data', 'Tệp chứa có dung lượng quá lớn');
      }
      const bytes = await readAll(await file.openReadStreamPromise(entry));
      if (name === 'mimetype') {
        if (!ASIC_MIMETYPES.includes(bytes.toString('latin1'))) throw invalid('the mimetype is not an ASiC one', 'Kiểu tệp chứa (mimetype) không phải ASiC');
      } else if (SIGNATURE.test(name)) {
        signatures.push(bytes);
      } else {
        data.push({ name, bytes });
      }
    }
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw invalid('the container is a damaged ZIP file', 'Tệp chứa bị hỏng');
  } finally {
    file.close();
  }
  if (data.length !== 1) throw invalid(`the container must hold exactly one data object, found ${data.length}`, `Tệp chứa phải có đúng một tài liệu, có ${data.length}`);
  if (!signatures.length || signatures.length > MAX_SIGNATURES) {
    throw invalid(`the container must hold 1 to ${MAX_SIGNATURES} signatures under META-INF/*.p7s`, `Tệp chứa phải có từ 1 đến ${MAX_SIGNATURES} chữ ký trong META-INF/*.p7s`);
  }
  return { dataName: data[0].name, content: data[0].bytes, signatures };
}

/** The entry's bytes; yauzl itself stops a stream that inflates past the size its entry declared. */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function invalid(en: string, vi: string) {
  return SigningErrors.validationInputInvalid('container', `Not a usable ASiC container: ${en}`, `Tệp chứa ASiC không dùng được: ${vi}`);
}
