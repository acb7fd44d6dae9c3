import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { call, exampleFor, schoolToken, submit, tokenFor } from '../support/api.js';
import { ROOT } from '../support/stack.js';

const run = promisify(execFile);

async function createClient(org: string, role: string) {
  const { stdout } = await run(`${ROOT}edu`, ['client', 'create', '--org', org, '--role', role], { cwd: ROOT, timeout: 60_000 });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { client_id: string; client_secret: string };
}

describe('./edu client create and what the new client may do', () => {
  it('registers a client whose token carries its organisation, and refuses an unknown organisation or role', async () => {
    const created = await createClient('31000101', 'school');
    expect(created.client_id).toMatch(/^school-31000101-/);
    expect(created.client_secret.length).toBeGreaterThanOrEqual(32);
    const token = await tokenFor({ role: 'school', org: '31000101', ...created });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ org: '31000101', role: 'school', scope: 'documents:submit documents:read', sub: created.client_id });

    await expect(createClient('99999999', 'school')).rejects.toMatchObject({ stderr: expect.stringContaining('IDENTITY.UNKNOWN_ORGANISATION') });
    await expect(createClient('31000101', 'admin')).rejects.toMatchObject({ stderr: expect.stringContaining('IDENTITY.UNKNOWN_ROLE') });
  });

  it('refuses a submission from an organisation that is not a school (a Phòng) with UNKNOWN_SCHOOL', async () => {
    const phong = await createClient('31020000', 'school');
    const token = await tokenFor({ role: 'school', org: '31020000', ...phong });
    const body = await exampleFor(await schoolToken(0));
    body.issuerCode = '31020000';
    (body.content.school as { code: string }).code = '31020000';
    const res = await submit(token, body);
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.code).toBe('INTERCHANGE.UNKNOWN_SCHOOL');
    const example = await call<{ code: string }>('GET', '/v1/document-types/hoc-ba/example', { token });
    expect(example.body.code).toBe('INTERCHANGE.EXAMPLE_NEEDS_SCHOOL');
  });
});
