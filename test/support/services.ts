import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { ROOT } from './stack.js';

const run = promisify(execFile);

export type ServiceName = 'identity' | 'interchange' | 'signing' | 'archiving';

/** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs. */
export function killHard(service: ServiceName): number {
  const pid = Number(readFileSync(`${ROOT}.edu/pids/${service}.pid`, 'utf8').trim());
  process.kill(pid, 'SIGKILL');
  return pid;
}

/** Starts the service again through `./edu` (with `env` over this process's) and returns once it is healthy. */
export async function restart(service: ServiceName, env: Record<string, string> = {}): Promise<void> {
  await run(`${ROOT}edu`, ['restart', service], { cwd: ROOT, timeout: 120_000, env: { ...process.env, ...env } });
}
