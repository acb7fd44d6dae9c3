import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpensslRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** The file named by `collect`, read back after the run. */
  output?: Buffer;
}

/** Runs the system openssl in a scratch directory holding `files`, so specs check interoperability, not ourselves. */
export function openssl(args: string[], files: Record<string, string | Buffer> = {}, collect?: string): OpensslRun {
  const dir = mkdtempSync(join(tmpdir(), 'edu-crypto-'));
  try {
    for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
    const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    const output = collect && run.status === 0 ? readFileSync(join(dir, collect)) : undefined;
    return { status: run.status, stdout: run.stdout, stderr: run.stderr, output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
