import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;
const NEEDS_QUOTES = /[",\r\n]/;

const field = (value: string | number | null): string => {
  const text = value === null ? '' : String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** Writes an RFC 4180 CSV file (UTF-8, CRLF-free `\n` line ends) in ~1 MiB chunks: memory stays flat at any size. */
export class CsvFile {
  private readonly fd: number;
  private buffer = '';
  rows = 0;

  constructor(readonly path: string, header: readonly string[]) {
    this.fd = openSync(path, 'w');
    this.buffer = `${header.join(',')}\n`;
  }

  row(values: ReadonlyArray<string | number | null>): void {
    this.buffer += `${values.map(field).join(',')}\n`;
    this.rows++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
