import { decodeEvent, Topics } from '@edu/contracts';
import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, exampleFor, schoolToken } from '../support/api.js';
import { consumeUntil, header, topicEnds } from '../support/kafka.js';
import { pollUntil } from '../support/poll.js';
import { signDocuments } from '../support/signers.js';
import { demoClient } from '../support/stack.js';

describe('one trace and one correlation id from the school’s request through every service', () => {
  it('carries the caller’s trace id into the events of signing and archiving', { timeout: 120_000 }, async () => {
    const token = await schoolToken(3);
    const topics = [Topics.DocumentSubmitted, Topics.DocumentSigned, Topics.DocumentArchived];
    const starts = await Promise.all(topics.map(topicEnds));
    const traceId = randomBytes(16).toString('hex');
    const correlationId = `e2e-${randomUUID()}`;
    const res = await call<{ id: string }>('POST', '/v1/documents', {
      token,
      body: await exampleFor(token, 4),
      headers: { 'idempotency-key': randomUUID(), traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`, 'x-correlation-id': correlationId },
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-correlation-id')).toBe(correlationId);
    const id = res.body.id;
    await signDocuments(demoClient('school', 3).org, [id]);
    await pollUntil(() => call<{ status: string }>('GET', `/v1/documents/${id}`, { token }), (r) => r.body.status === 'archived', {
      what: 'traced document archived',
      timeoutMs: 90_000,
    });
    for (const [i, topic] of topics.entries()) {
      const messages = await consumeUntil(topic, (ms) => ms.some((m) => m.key?.toString() === id), 60_000, starts[i]);
      const mine = messages.find((m) => m.key?.toString() === id)!;
      // The school's request carries the trace into the submission; signing happens later, in the principal's own
      // request (its own trace), and the document's events keep the school's correlation id throughout.
      if (topic === Topics.DocumentSubmitted) expect(header(mine, 'edu-origin-traceparent')?.split('-')[1], topic).toBe(traceId);
      else expect(header(mine, 'edu-origin-traceparent'), topic).toMatch(/^00-[0-9a-f]{32}-/);
      expect(header(mine, 'event-type')).toBe(topic);
      expect(decodeEvent(topic, mine.value!).meta.correlationId, topic).toBe(correlationId);
    }
  });
});
