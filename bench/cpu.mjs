// CPU time each running component used, from /proc: a process and its live descendants (PostgreSQL's backends),
// plus what its exited children left in cutime/cstime. Two snapshots around a phase give CPU ms per component.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { ROOT } from './lib.mjs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function stat(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // after "pid (comm) ": state=0 ppid=1 … utime=11 stime=12 cutime=13 cstime=14
    return { ppid: Number(f[1]), own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return undefined;
  }
}

function processTable() {
  const table = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = stat(d);
    if (s) table.set(Number(d), s);
  }
  return table;
}

function rootPid(name) {
  const file = `${ROOT}.edu/pids/${name}.pid`;
  return existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : undefined;
}

/** CPU ms so far of each named component (PID file under .edu/pids) and of the whole machine (from /proc/stat). */
export function cpuSnapshot(names) {
  const table = processTable();
  const kids = new Map();
  for (const [pid, s] of table) kids.set(s.ppid, [...(kids.get(s.ppid) ?? []), pid]);
  const tree = (pid) => {
    const s = table.get(pid);
    if (!s) return 0;
    return s.own + (kids.get(pid) ?? []).reduce((sum, k) => sum + tree(k), 0);
  };
  const out = {};
  for (const name of names) {
    const pid = rootPid(name);
    const s = pid && table.get(pid);
    out[name] = s ? (tree(pid) + s.children) * TICK_MS : NaN;
  }
  out['(this benchmark)'] = (table.get(process.pid)?.own ?? NaN) * TICK_MS;
  const [, ...cpu] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  out['(machine busy)'] = (cpu.reduce((a, b) => a + b, 0) - cpu[3] - cpu[4]) * TICK_MS; // minus idle and iowait
  return out;
}

/** CPU ms per unit (e.g. per document) between two snapshots, per component. */
export function cpuPerUnit(before, after, units) {
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] - before[k]) / units]));
}
