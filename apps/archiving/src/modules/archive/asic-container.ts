import yazl from 'yazl';

export const ASIC_S_MIMETYPE = 'application/vnd.etsi.asic-s+zip';

export interface ContainerInput {
  /** The one data object, named as the archive will show it, e.g. `hoc-ba.json`. */
  dataName: string;
  data: Buffer;
  /** One DER CMS SignedData whose signer infos cover `data` (detached). */
  signature: Buffer;
  /** Descriptive metadata kept beside the signature, never signed over. */
  metadata: Record<string, unknown>;
}

/**
 * An ASiC-S container (ETSI EN 319 162-1): `mimetype` first and stored, the data object, and the CAdES signature
 * in `META-INF/signature.p7s`. ASiC-S fits because our signatures cover the content bytes directly; ASiC-E would
 * need them to cover a manifest. Fixed timestamps keep the bytes of a re-built container identical. Every entry is
 * stored, not deflated: the signatures (most of the bytes) do not compress, and deflating the few KB of JSON cost
 * archiving a tenth of its CPU per record (a zlib stream per entry) to save about 5 KB.
 */
export function buildAsicContainer(input: ContainerInput): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  const mtime = new Date(Date.UTC(2000, 0, 1));
  zip.addBuffer(Buffer.from(ASIC_S_MIMETYPE), 'mimetype', { compress: false, mtime });
  zip.addBuffer(input.data, input.dataName, { compress: false, mtime });
  zip.addBuffer(input.signature, 'META-INF/signature.p7s', { compress: false, mtime });
  zip.addBuffer(Buffer.from(JSON.stringify(input.metadata, null, 2)), 'META-INF/edu-interop.json', { compress: false, mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
