import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { call, exampleFor, schoolToken, submit, type SubmissionBody } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { signDocuments } from '../support/signers.js';

describe('submissions are idempotent and versioned', () => {
  let token: string;
  let body: SubmissionBody;

  beforeAll(async () => {
    token = await schoolToken(1);
    body = await exampleFor(token, 5);
  });

  it('answers a repeated request with the same document, and refuses the key with another body', async () => {
    const key = randomUUID();
    const first = await submit(token, body, key);
    expect(first.status).toBe(202);
    const again = await submit(token, body, key);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);

    const changed = structuredClone(body);
    (changed.content as { remarks?: string }).remarks = 'Đã sửa nhận xét';
    const conflict = await submit(token, changed, key);
    expect(conflict.status).toBe(409);
    expect(conflict.body.code).toBe('INTERCHANGE.IDEMPOTENCY_CONFLICT');
  });

  it('makes a new submission for the same student and year a new version that supersedes the earlier one', async () => {
    const v1 = await submit(token, body);
    const v2 = await submit(token, body);
    expect(v2.body.version).toBe(v1.body.version + 1);
    await signDocuments(body.issuerCode, [v2.body.id]);
    const view = await pollUntil(
      () => call<{ status: string; supersedes: string; version: number }>('GET', `/v1/documents/${v2.body.id}`, { token }),
      (r) => r.body.status === 'archived',
      { what: 'second version archived', timeoutMs: 90_000 },
    );
    expect(view.body.supersedes).toBe(v1.body.id);
    // The first version was still waiting for its signers: its workflow stops, and the school is told why.
    const earlier = await pollUntil(
      () => call<{ status: string; archive: unknown; failure?: { code: string } }>('GET', `/v1/documents/${v1.body.id}`, { token }),
      (r) => r.body.status === 'failed',
      { what: 'first version cancelled', timeoutMs: 90_000 },
    );
    expect(earlier.body.failure?.code).toBe('SIGNING.SUPERSEDED');
    expect(earlier.body.archive).toBeNull();
  });

  it('numbers concurrent submissions for one student one after another, never twice the same version', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => submit(token, body)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(202));
    const versions = answers.map((a) => a.body.version).sort((x, y) => x - y);
    expect(versions).toEqual(Array.from({ length: 6 }, (_, i) => versions[0] + i));
  });

  it('keeps concurrent retries of one request to one document', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => submit(token, body, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(202));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
  });
});
