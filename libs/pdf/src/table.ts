import { rgb, type RGB } from 'pdf-lib';
import { lineHeight, PAGE, type PageFlow, type TextStyle } from './page-flow.js';

export interface Column {
  header: string;
  /** Relative width; the columns share the flow's full width. */
  weight: number;
  align?: 'left' | 'center';
}

export interface Row {
  cells: string[];
  bold?: boolean;
}

const SIZE = 9;
const PAD = 2.5;
const PITCH = lineHeight(SIZE);
const BORDER = rgb(0.45, 0.45, 0.45);
const HEADER_FILL = rgb(0.9, 0.9, 0.9);

interface Laid {
  x: number[];
  widths: number[];
}

/**
 * A bordered table that breaks across pages: the header repeats on each page, a row moves whole to the next page
 * when it fits there, and a row taller than a page is split between lines.
 */
export function drawTable(flow: PageFlow, columns: Column[], rows: Row[]): void {
  const total = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * flow.width);
  const x = widths.map((_, i) => flow.left + widths.slice(0, i).reduce((sum, w) => sum + w, 0));
  const laid = { x, widths };
  const wrapRow = (row: Row) => row.cells.map((text, i) => flow.wrap(text, { size: SIZE, bold: row.bold }, widths[i] - 2 * PAD));

  const header = wrapRow({ cells: columns.map((c) => c.header), bold: true });
  const headerHeight = rowHeight(header);
  const drawHeader = () => drawCells(flow, laid, header, { bold: true }, () => 'center', HEADER_FILL);
  flow.ensure(headerHeight + PITCH + 2 * PAD);
  drawHeader();

  for (const row of rows) {
    let rest = wrapRow(row);
    const style = { bold: row.bold };
    const align = (i: number) => columns[i].align ?? 'left';
    while (rest.some((lines) => lines.length > 0)) {
      const height = rowHeight(rest);
      if (height <= flow.room) {
        drawCells(flow, laid, rest, style, align);
        break;
      }
      const fitting = Math.floor((flow.room - 2 * PAD) / PITCH);
      const fitsOnFreshPage = height <= PAGE.height - PAGE.margin - PAGE.bottom - headerHeight;
      if (fitting < 1 || fitsOnFreshPage) {
        flow.newPage();
        drawHeader();
        continue;
      }
      drawCells(flow, laid, rest.map((lines) => lines.slice(0, fitting)), style, align);
      rest = rest.map((lines) => lines.slice(fitting));
    }
  }
}

function rowHeight(cells: string[][]): number {
  return Math.max(1, ...cells.map((lines) => lines.length)) * PITCH + 2 * PAD;
}

function drawCells(
  flow: PageFlow,
  laid: Laid,
  cells: string[][],
  style: TextStyle,
  align: (column: number) => 'left' | 'center',
  fill?: RGB,
): void {
  const height = rowHeight(cells);
  cells.forEach((lines, i) => {
    flow.page.drawRectangle({
      x: laid.x[i],
      y: flow.y - height,
      width: laid.widths[i],
      height,
      borderColor: BORDER,
      borderWidth: 0.5,
      color: fill,
    });
    lines.forEach((line, n) => {
      const top = flow.y - PAD - n * PITCH;
      flow.drawLine(line, laid.x[i] + PAD, top, laid.widths[i] - 2 * PAD, { ...style, size: SIZE, align: align(i) });
    });
  });
  flow.y -= height;
}
