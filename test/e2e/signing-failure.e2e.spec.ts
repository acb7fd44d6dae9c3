import { encodeEvent, Topics, uuidv7 } from '@edu/contracts';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { call, schoolToken } from '../support/api.js';
import { produceRaw } from '../support/kafka.js';
import { pollUntil } from '../support/poll.js';
import { demoClient, ENV } from '../support/stack.js';

describe('a document that can never be signed ends as failed, with the reason, not stuck', () => {
  const db = new pg.Pool({ connectionString: ENV.DATABASE_URL, max: 1 });
  afterAll(() => db.end());

  it('turns a content-hash mismatch found by signing into status failed at interchange', async () => {
    // A received document whose submitted event carries bytes that do not match its hash, as a corrupted event
    // would: set up in interchange's own schema, then the event goes through the real signing service.
    const id = uuidv7();
    const issuer = demoClient('school', 0).org;
    const content = Buffer.from('{"hocSinh":"Nguyễn Văn A"}');
    const studentId = `39${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
    await db.query(
      `INSERT INTO interchange.documents (id, document_type, issuer_code, student_id, school_year, version, status,
         idempotency_key, request_sha256, client_id, content_sha256, content_size, content, record_key, subject)
       VALUES ($1, 'hoc-ba', $2, $3, '2026-2027', 1, 'received', $4, 'x', 'e2e', $5, $6, $7, $3, jsonb_build_object('studentId', $3::text))`,
      [id, issuer, studentId, `e2e-${id}`, '0'.repeat(64), content.length, content],
    );
    const event = encodeEvent({
      type: Topics.DocumentSubmitted,
      producer: 'e2e',
      payload: { documentId: id, documentType: 'hoc-ba', version: 1, issuerCode: issuer, studentId, schoolYear: '2026-2027', content: { sha256: '0'.repeat(64), size: BigInt(content.length), inline: content } },
    });
    await produceRaw(Topics.DocumentSubmitted, [{ key: id, value: Buffer.from(event.bytes), headers: { 'event-type': Topics.DocumentSubmitted } }]);

    const token = await schoolToken(0);
    const view = await pollUntil(
      () => call<{ status: string; failure: { code: string; message: { vi: string; en: string } } | null; signatures: unknown[] }>('GET', `/v1/documents/${id}`, { token }),
      (r) => r.body.status === 'failed',
      { what: 'document failed', timeoutMs: 60_000 },
    );
    expect(view.body.failure?.code).toBe('SIGNING.CONTENT_MISMATCH');
    expect(view.body.failure?.message.vi.length).toBeGreaterThan(0);
    expect(view.body.failure?.message.en.length).toBeGreaterThan(0);
    expect(view.body.signatures).toEqual([]);
  });
});
