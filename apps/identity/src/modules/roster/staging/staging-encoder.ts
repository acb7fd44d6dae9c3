import { Transform, type TransformCallback } from 'node:stream';
import { RosterErrors } from '../domain/roster-errors.js';
import { checkRow, type RosterRows } from '../domain/roster-rows.js';

/** Characters COPY's text format escapes; everything else goes through as is. */
const COPY_SPECIAL = /[\\\n\r\t\0]/g;
/** NUL cannot be stored in PostgreSQL text; its row is already refused (CSV_ENCODING), so it is dropped. */
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '' };
const NON_ASCII = /[^\x00-\x7f]/;
/** Bytes of COPY text gathered before one write: fewer, larger writes to the database connection. */
const FLUSH_AT = 64 * 1024;

export const copyText = (value: string): string => (value.search(COPY_SPECIAL) < 0 ? value : value.replace(COPY_SPECIAL, (c) => COPY_ESCAPES[c]));

/**
 * Turns parsed CSV records into COPY text lines for the staging table: checks the header, numbers the data rows from
 * 1, trims values and puts Vietnamese text in NFC (so a re-import typed on another system compares equal), and runs
 * each row's own checks, storing their problems with the row. Memory stays flat: one buffer of COPY text at a time.
 */
export class StagingEncoder extends Transform {
  rowsRead = 0;
  private headerSeen = false;
  private pending = '';

  constructor(
    private readonly rows: RosterRows,
    private readonly today: string,
  ) {
    super({ writableObjectMode: true, readableObjectMode: false });
  }

  override _transform(record: string[], _enc: BufferEncoding, done: TransformCallback): void {
    try {
      if (!this.headerSeen) {
        this.checkHeader(record);
        this.headerSeen = true;
      } else {
        this.pending += this.line(record);
        if (this.pending.length >= FLUSH_AT) this.flushPending();
      }
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  override _flush(done: TransformCallback): void {
    if (!this.headerSeen) return done(RosterErrors.empty());
    this.flushPending();
    done();
  }

  private flushPending(): void {
    if (this.pending) this.push(this.pending);
    this.pending = '';
  }

  private checkHeader(record: string[]): void {
    const header = record.map((h) => h.trim());
    if (header.some((h) => h.includes('\uFFFD') || h.includes('\0'))) throw RosterErrors.headerEncoding();
    const { columns } = this.rows;
    for (let i = 0; i < Math.max(columns.length, header.length); i++) {
      if (header[i] === columns[i]) continue;
      throw i < columns.length ? RosterErrors.header(columns[i], i + 1, header[i], columns) : RosterErrors.extraColumn(header[i], i + 1, columns);
    }
  }

  private line(record: string[]): string {
    const rowNo = ++this.rowsRead;
    const values = record.map((v) => {
      const t = v.trim();
      return NON_ASCII.test(t) ? t.normalize('NFC') : t;
    });
    const problems = checkRow(this.rows, values, this.today);
    // A row with the wrong number of columns is stored padded or cut to the header, so that it can still be reported.
    const cells = this.rows.columns.map((_, i) => copyText(values[i] ?? ''));
    const stored = problems.length ? copyText(JSON.stringify(problems.map((p) => [p.field, p.code, p.vi, p.en]))) : '\\N';
    return `${rowNo}\t${cells.join('\t')}\t${problems.length ? 'f' : 't'}\t${stored}\n`;
  }
}
