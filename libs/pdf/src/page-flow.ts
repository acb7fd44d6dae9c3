import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Fonts } from './fonts.js';
import { truncateText, wrapText, type Measure } from './text-wrap.js';

/** A4 portrait, in points. `bottom` leaves room for the footer. */
export const PAGE = { width: 595.28, height: 841.89, margin: 40, bottom: 56 } as const;

export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);

export interface TextStyle {
  size?: number;
  bold?: boolean;
  align?: 'left' | 'center' | 'right';
  color?: RGB;
}

export interface Field {
  label: string;
  value: string;
}

const BODY_SIZE = 10;

/** The line pitch for a font size. */
export function lineHeight(size: number): number {
  return size * 1.25;
}

/**
 * Lays content top to bottom across as many pages as it needs. `y` is the top of the next free line; anything
 * that would run into the footer band moves to a new page.
 */
export class PageFlow {
  readonly pages: PDFPage[] = [];
  y = 0;
  /** Widths at 1 pt by font and text: the same words recur across rows and pages, and each fontkit layout is slow. */
  private readonly widths = new Map<string, number>();

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }

  get page(): PDFPage {
    return this.pages[this.pages.length - 1];
  }

  get left(): number {
    return PAGE.margin;
  }

  get width(): number {
    return PAGE.width - 2 * PAGE.margin;
  }

  /** Height left above the footer band on the current page. */
  get room(): number {
    return this.y - PAGE.bottom;
  }

  newPage(): void {
    this.pages.push(this.doc.addPage([PAGE.width, PAGE.height]));
    this.y = PAGE.height - PAGE.margin;
  }

  ensure(height: number): void {
    if (height > this.room) this.newPage();
  }

  gap(height: number): void {
    this.y -= height;
  }

  font(bold = false): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  measure(style: TextStyle): Measure {
    const size = style.size ?? BODY_SIZE;
    const font = this.font(style.bold);
    const prefix = style.bold ? 'b' : 'r';
    return (text) => {
      const key = prefix + text;
      let width = this.widths.get(key);
      if (width === undefined) {
        width = font.widthOfTextAtSize(text, 1);
        this.widths.set(key, width);
      }
      return width * size;
    };
  }

  wrap(text: string, style: TextStyle, width: number): string[] {
    return wrapText(this.measure(style), text, width);
  }

  truncate(text: string, style: TextStyle, width: number): string {
    return truncateText(this.measure(style), text, width);
  }

  /** One line whose top is at `top`, aligned inside [x, x + width]. */
  drawLine(text: string, x: number, top: number, width: number, style: TextStyle, page = this.page): void {
    const size = style.size ?? BODY_SIZE;
    const font = this.font(style.bold);
    const textWidth = this.measure(style)(text);
    const shift = style.align === 'center' ? (width - textWidth) / 2 : style.align === 'right' ? width - textWidth : 0;
    page.drawText(text, { x: x + shift, y: top - size, size, font, color: style.color ?? BLACK });
  }

  /** Wrapped text across the full width; lines continue on the next page when this one is full. */
  paragraph(text: string, style: TextStyle = {}): void {
    const pitch = lineHeight(style.size ?? BODY_SIZE);
    for (const line of this.wrap(text, style, this.width)) {
      this.ensure(pitch);
      this.drawLine(line, this.left, this.y, this.width, style);
      this.y -= pitch;
    }
  }

  /** A section title, kept on the same page as at least `keepWith` points of what follows. */
  heading(text: string, keepWith = 60): void {
    const style = { size: 11, bold: true };
    this.gap(4);
    this.ensure(lineHeight(11) * this.wrap(text, style, this.width).length + keepWith);
    this.paragraph(text, style);
    this.gap(3);
  }

  /** Labelled values side by side in equal columns; each value wraps inside its column. */
  fields(fields: Field[], size = BODY_SIZE): void {
    const columnWidth = this.width / fields.length;
    const pitch = lineHeight(size);
    const laid = fields.map((field, i) => {
      const label = `${field.label}: `;
      const labelWidth = this.measure({ size, bold: true })(label);
      const x = this.left + i * columnWidth;
      return { label, labelWidth, x, lines: this.wrap(field.value, { size }, Math.max(columnWidth - labelWidth - 6, 40)) };
    });
    const rows = Math.max(...laid.map((f) => f.lines.length));
    for (let row = 0; row < rows; row++) {
      this.ensure(pitch);
      for (const f of laid) {
        if (row === 0) this.drawLine(f.label, f.x, this.y, f.labelWidth, { size, bold: true });
        if (row < f.lines.length) this.drawLine(f.lines[row], f.x + f.labelWidth, this.y, columnWidth, { size });
      }
      this.y -= pitch;
    }
  }
}
