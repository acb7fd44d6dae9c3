import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchDir } from './scratch-dir.js';

/** Verifies a detached CMS with the system's OpenSSL: the "any standard CMS verifier" of the acceptance test. */
export function opensslVerifyDetached(content: Buffer, cms: Buffer, caPem: string): { ok: boolean; output: string } {
  const dir = scratchDir('edu-cms-');
  writeFileSync(join(dir, 'content.bin'), content);
  writeFileSync(join(dir, 'sig.der'), cms);
  writeFileSync(join(dir, 'ca.pem'), caPem);
  const r = spawnSync('openssl', [
    'cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'sig.der'), '-content', join(dir, 'content.bin'),
    '-CAfile', join(dir, 'ca.pem'), '-purpose', 'any', '-out', '/dev/null',
  ]);
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

export function opensslPrintCms(cms: Buffer): string {
  const dir = scratchDir('edu-cms-');
  writeFileSync(join(dir, 'sig.der'), cms);
  const r = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'sig.der')]);
  return r.stdout.toString();
}

/** Runs the system openssl in `dir` (a scratch directory the caller fills): the standard client of PKI specs. */
export function opensslIn(dir: string, args: string[]): { status: number | null; out: string } {
  const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}
