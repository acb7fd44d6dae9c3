import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ToolRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a poppler-utils tool on `pdf`, so specs check what a standard reader sees. `-` after the file is stdout. */
export function poppler(tool: 'pdfsig' | 'pdftotext' | 'pdffonts' | 'pdfinfo', pdf: Buffer, args: string[] = [], toStdout = false): ToolRun {
  const dir = mkdtempSync(join(tmpdir(), 'edu-pdf-'));
  try {
    const file = join(dir, 'document.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync(tool, [...args, file, ...(toStdout ? ['-'] : [])], { encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text pdftotext extracts, with every run of white space made one space. */
export function extractText(pdf: Buffer): string {
  return poppler('pdftotext', pdf, ['-enc', 'UTF-8'], true).stdout.replace(/\s+/g, ' ');
}
