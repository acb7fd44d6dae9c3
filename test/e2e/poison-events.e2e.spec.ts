import { encodeEvent, Topics } from '@edu/contracts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { call, exampleFor, schoolToken, submit } from '../support/api.js';
import { consumeUntil, header, produceRaw } from '../support/kafka.js';
import { pollUntil } from '../support/poll.js';
import { signDocuments } from '../support/signers.js';
import { demoClient } from '../support/stack.js';

describe('a poison event goes to the dead-letter topic and the consumers carry on', () => {
  it('dead-letters garbage and mislabelled events on every consumed document topic with the reason', async () => {
    const cases = [
      { topic: Topics.DocumentSubmitted, consumers: ['signing'] },
      { topic: Topics.DocumentSigned, consumers: ['archiving', 'interchange'] },
      { topic: Topics.DocumentArchived, consumers: ['interchange'] },
    ];
    for (const { topic, consumers } of cases) {
      const garbageKey = `poison-${randomUUID()}`;
      const wrongTypeKey = `poison-${randomUUID()}`;
      const wrongType = encodeEvent({ type: Topics.StudentEnrolled, producer: 'e2e', payload: { studentId: '3100000000' } });
      await produceRaw(topic, [
        { key: garbageKey, value: Buffer.from('this is not protobuf \u0000\u00ff') },
        { key: wrongTypeKey, value: Buffer.from(wrongType.bytes) },
      ]);
      const dlq = await consumeUntil(`${topic}.dlq`, (ms) =>
        [garbageKey, wrongTypeKey].every((k) => consumers.every((svc) => ms.some((m) => m.key?.toString() === k && header(m, 'dlq-service') === svc))),
      );
      const mine = dlq.filter((m) => [garbageKey, wrongTypeKey].includes(m.key?.toString() ?? ''));
      for (const m of mine) {
        expect(header(m, 'dlq-code')).toBe('UNDECODABLE');
        expect(header(m, 'dlq-reason')?.length).toBeGreaterThan(0);
        expect(header(m, 'dlq-original-topic')).toBe(topic);
      }
      const garbage = mine.find((m) => m.key?.toString() === garbageKey)!;
      expect(garbage.value?.toString()).toContain('this is not protobuf');
    }
  });

  it('still takes the next good document all the way to the archive', async () => {
    const token = await schoolToken(2);
    const res = await submit(token, await exampleFor(token, 2));
    expect(res.status).toBe(202);
    await signDocuments(demoClient('school', 2).org, [res.body.id]);
    await pollUntil(
      () => call<{ status: string }>('GET', `/v1/documents/${res.body.id}`, { token }),
      (r) => r.body.status === 'archived',
      { what: 'document after poison archived', timeoutMs: 90_000 },
    );
  });
});
