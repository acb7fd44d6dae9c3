/** Width of a text at the size being laid out, in points. */
export type Measure = (text: string) => number;

/**
 * Composes diacritics (NFC) and drops control characters. pdf-lib sets glyphs one after another without mark
 * positioning, so a decomposed "ệ" would print its marks beside the letter.
 */
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\t\u00a0]/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/**
 * Lines of `text` no wider than `width`, breaking at spaces, and inside a word only when the word alone is too
 * wide. pdf-lib's text width is the sum of glyph advances, so a line's width is the sum of its words' and spaces'
 * widths: each word is measured once, which keeps fontkit's shaping off the hot path.
 */
export function wrapText(measure: Measure, text: string, width: number): string[] {
  const space = measure(' ');
  const lines: string[] = [];
  for (const paragraph of cleanText(text).split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(' ').filter(Boolean)) {
      const wordWidth = measure(word);
      if (line && used + space + wordWidth <= width) {
        line += ` ${word}`;
        used += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      const pieces = wordWidth <= width ? [word] : splitWord(measure, word, width);
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1];
      used = measure(line);
    }
    lines.push(line);
  }
  return lines;
}

/** The longest leading part of `text` that fits `width` with an ellipsis, or `text` itself when it fits. */
export function truncateText(measure: Measure, text: string, width: number): string {
  const line = cleanText(text).replace(/\n/g, ' ');
  if (measure(line) <= width) return line;
  return `${splitWord(measure, line, width - measure('…'))[0]}…`;
}

/** A word wider than the column (an ID, a link) is cut where it overflows, keeping at least one character a line. */
function splitWord(measure: Measure, word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const char of word) {
    const charWidth = measure(char);
    if (piece && used + charWidth > width) {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += char;
    used += charWidth;
  }
  pieces.push(piece);
  return pieces;
}
