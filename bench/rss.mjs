// Peak resident memory of each running component, from /proc (VmHWM is the high-water mark of RSS).
import { existsSync, readFileSync } from 'node:fs';
import { ROOT } from './lib.mjs';

export function peakRssMiB(name) {
  const pidFile = `${ROOT}.edu/pids/${name}.pid`;
  if (!existsSync(pidFile)) return NaN;
  const pid = readFileSync(pidFile, 'utf8').trim();
  const statusFile = `/proc/${pid}/status`;
  if (!existsSync(statusFile)) return NaN;
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(statusFile, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
