import { randomUUID } from 'node:crypto';
import { demoClient, URLS, type DemoClient } from './stack.js';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  bytes: Buffer;
}

const tokens = new Map<string, { token: string; until: number }>();

/** A client-credentials token for a demo client, cached until shortly before it expires. */
export async function tokenFor(client: DemoClient): Promise<string> {
  const cached = tokens.get(client.client_id);
  if (cached && cached.until > Date.now()) return cached.token;
  const res = await fetch(`${URLS.identity}/oauth2/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.client_id}:${client.client_secret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials',
  });
  if (res.status !== 200) throw new Error(`token for ${client.client_id}: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  tokens.set(client.client_id, { token: body.access_token, until: Date.now() + (body.expires_in - 30) * 1000 });
  return body.access_token;
}

export async function call<T = unknown>(
  method: string,
  path: string,
  opts: { token?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string>; base?: string } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | Buffer | undefined = opts.raw;
  if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${opts.base ?? URLS.interchange}${path}`, { method, headers, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  let parsed: unknown = bytes;
  if (res.headers.get('content-type')?.includes('json')) {
    try {
      parsed = JSON.parse(bytes.toString('utf8'));
    } catch {
      parsed = bytes.toString('utf8');
    }
  }
  return { status: res.status, headers: res.headers, body: parsed as T, bytes };
}

/** Every error answer: a stable code, the message in Vietnamese and English, the field at fault. */
export interface ErrorBody {
  code: string;
  field: string | null;
  message: { vi: string; en: string };
}

/** What POST /v1/validations answers, as far as the specs read it. */
export interface ValidationReport {
  indication: string;
  signatures: Array<{ indication: string; level: string; workflowStep?: { role: string } }>;
}

export interface SubmissionBody {
  type: string;
  issuerCode: string;
  schoolYear: string;
  subject: { studentId: string };
  content: Record<string, unknown>;
}

export async function exampleFor(token: string, n = 0): Promise<SubmissionBody> {
  const res = await call<SubmissionBody>('GET', `/v1/document-types/hoc-ba/example?n=${n}`, { token });
  if (res.status !== 200) throw new Error(`example: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function submit(token: string, body: unknown, key = randomUUID()) {
  return call<{ id: string; status: string; version: number; code?: string }>('POST', '/v1/documents', {
    token,
    body,
    headers: { 'idempotency-key': key },
  });
}

export async function schoolToken(nth = 0): Promise<string> {
  return tokenFor(demoClient('school', nth));
}

export async function ministryToken(): Promise<string> {
  return tokenFor(demoClient('ministry'));
}
