import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The stack's settings: the process env, else `.edu/env` written by `./edu up`. */
export function stackEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  const file = `${ROOT}.edu/env`;
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
      if (m) env[m[1]] = m[2].replace(/^['"]|['"]$/g, '');
    }
  }
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && /^[A-Z_]+$/.test(k)) env[k] = v;
  return env;
}

export const ENV = stackEnv();
export const URLS = {
  identity: ENV.IDENTITY_URL ?? 'http://127.0.0.1:8081',
  interchange: ENV.INTERCHANGE_URL ?? 'http://127.0.0.1:8080',
  signing: ENV.SIGNING_URL ?? 'http://127.0.0.1:8082',
  archiving: ENV.ARCHIVING_URL ?? 'http://127.0.0.1:8083',
};

export interface DemoClient {
  role: 'school' | 'ministry' | 'operator';
  org: string;
  client_id: string;
  client_secret: string;
}

export function demoClients(): DemoClient[] {
  return JSON.parse(readFileSync(`${ROOT}.edu/demo-clients.json`, 'utf8'));
}

export function demoClient(role: DemoClient['role'], nth = 0): DemoClient {
  const c = demoClients().filter((x) => x.role === role)[nth];
  if (!c) throw new Error(`no demo ${role} client #${nth}`);
  return c;
}
