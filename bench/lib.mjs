// Small helpers shared by the benchmarks: the stack's settings, tokens, HTTP and statistics.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { clientToken } from '../deploy/local/client-token.mjs';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));

export function stackEnv() {
  const env = {};
  for (const line of readFileSync(`${ROOT}.edu/env`, 'utf8').split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env[m[1]] = m[2];
  }
  return { ...env, ...process.env };
}

export const ENV = stackEnv();
export const INTERCHANGE = ENV.INTERCHANGE_URL ?? 'http://127.0.0.1:8080';
export const IDENTITY = ENV.IDENTITY_URL ?? 'http://127.0.0.1:8081';

export function demoClients() {
  return JSON.parse(readFileSync(`${ROOT}.edu/demo-clients.json`, 'utf8'));
}

export function token(client) {
  return clientToken(IDENTITY, client);
}

export async function getJson(path, tok) {
  const res = await fetch(`${INTERCHANGE}${path}`, { headers: { authorization: `Bearer ${tok}` } });
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs `task(i)` for i in [0, n) with at most `concurrency` in flight. */
export async function pool(n, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < n) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
}

export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
