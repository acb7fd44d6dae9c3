import fontkit from '@pdf-lib/fontkit';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { PdfErrors } from './pdf-errors.js';

/** Debian's fonts-dejavu-core: DejaVu Sans covers every Vietnamese letter with precomposed glyphs. */
export const DEFAULT_FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

type FontBytes = Record<keyof typeof FILES, Buffer>;
const loaded = new Map<string, Promise<FontBytes>>();

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();

/**
 * pdf-lib asks fontkit to parse the font file again for every document, and reading its layout tables was a fifth
 * of a render. A parsed font is read-only (each document builds its own subset), so one parse per file serves all.
 */
const sharedFontkit: Fontkit = {
  create(data) {
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data);
      parsed.set(data, font);
    }
    return font;
  },
};

async function readFont(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch {
    throw PdfErrors.fontMissing(path);
  }
}

/** Font files are read once per directory; a failed read is forgotten so a later install is picked up. */
function fontBytes(fontDir: string): Promise<FontBytes> {
  let bytes = loaded.get(fontDir);
  if (!bytes) {
    bytes = Promise.all([readFont(join(fontDir, FILES.regular)), readFont(join(fontDir, FILES.bold))])
      .then(([regular, bold]) => ({ regular, bold }));
    bytes.catch(() => loaded.delete(fontDir));
    loaded.set(fontDir, bytes);
  }
  return bytes;
}

/**
 * pdf-lib places glyphs by their advance widths and ignores fontkit's positioning, so running the GPOS kerning and
 * mark features only costs time (a third of a render); the bytes come out the same without them.
 */
const UNUSED_POSITIONING = { kern: false, mark: false, mkmk: false };

/**
 * Embeds subsets of the two fonts. A subset's name carries a six-letter tag (ISO 32000 §9.6.4) that readers and
 * pdffonts use to tell subsets apart; `tagSeed` makes the tag stable for the same document.
 */
export async function embedFonts(doc: PDFDocument, fontDir: string, tagSeed: Buffer): Promise<Fonts> {
  const bytes = await fontBytes(fontDir);
  doc.registerFontkit(sharedFontkit);
  const embed = (style: keyof typeof FILES, name: string, offset: number) =>
    doc
      .embedFont(bytes[style], { subset: true, customName: `${subsetTag(tagSeed, offset)}+${name}`, features: UNUSED_POSITIONING })
      .catch(() => {
        throw PdfErrors.fontMissing(join(fontDir, FILES[style]));
      });
  const [regular, bold] = await Promise.all([embed('regular', 'DejaVuSans', 0), embed('bold', 'DejaVuSans-Bold', 6)]);
  return { regular, bold };
}

function subsetTag(seed: Buffer, offset: number): string {
  return Array.from(seed.subarray(offset, offset + 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}
