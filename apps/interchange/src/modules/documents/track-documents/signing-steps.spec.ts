import type { EventPayload, Topics } from '@edu/contracts';
import type { EntityManager } from '@edu/persistence';
import { describe, expect, it } from 'vitest';
import { RecordRejectedHandler } from './record-rejected.handler.js';
import { RecordSignatureRequestedHandler } from './record-signature-requested.handler.js';

type SignatureRequested = EventPayload<typeof Topics.SignatureRequested>;
type DocumentRejected = EventPayload<typeof Topics.DocumentRejected>;

const A = '0199a000-0000-7000-8000-0000000000aa';
const B = '0199a000-0000-7000-8000-0000000000bb';

/** Knows the documents `known`; records every other statement. */
function recordingEm(known: string[]) {
  const updates: Array<{ text: string; params: unknown[] }> = [];
  const em = {
    query: async (q: string | { text: string }, params: unknown[]) => {
      const text = typeof q === 'string' ? q : q.text; // a prepared statement arrives as { name, text }
      if (text.startsWith('SELECT id FROM documents')) return (params[0] as string[]).filter((id) => known.includes(id)).map((id) => ({ id }));
      updates.push({ text, params });
      return [];
    },
  } as unknown as EntityManager;
  return { em, updates };
}

const requested = (documentId: string, step: number, role: string, reminder = false) =>
  ({ payload: { documentId, taskId: 't', documentType: 'hoc-ba', issuerCode: 'THPT01', step, role, assigneePersonId: '', dueAt: '', reminder } as SignatureRequested });

describe('signing steps in interchange', () => {
  it('shows the step a document waits for, the furthest of a batch, and ignores reminders', async () => {
    const { em, updates } = recordingEm([A, B]);
    await new RecordSignatureRequestedHandler().applyBatch([requested(A, 1, 'homeroom-teacher'), requested(A, 2, 'principal'), requested(B, 1, 'homeroom-teacher', true)], em);
    expect(updates).toHaveLength(1);
    expect(updates[0].text).toContain("status = 'signing'");
    expect(updates[0].text).toContain("d.status IN ('received', 'signing')");
    expect(updates[0].params).toEqual([[A], [2], ['principal']]);
  });

  it('does nothing for a batch of reminders, and refuses a step for an unknown document', async () => {
    const { em, updates } = recordingEm([A]);
    await new RecordSignatureRequestedHandler().applyBatch([requested(B, 1, 'homeroom-teacher', true)], em);
    expect(updates).toHaveLength(0);
    const err = await new RecordSignatureRequestedHandler().applyBatch([requested(B, 1, 'homeroom-teacher')], em).catch((e) => e);
    expect(err.code).toBe('INTERCHANGE.EVENT_FOR_UNKNOWN_DOCUMENT');
  });

  it('marks a document rejected with the step, the person and the reason', async () => {
    const { em, updates } = recordingEm([A]);
    const rejected = { documentId: A, taskId: 't', step: 2, role: 'principal', personId: '3100000002', reason: 'Sai điểm', rejectedAt: '2026-05-20T08:00:00.000Z' } as DocumentRejected;
    await new RecordRejectedHandler().applyBatch([{ payload: rejected }], em);
    expect(updates).toHaveLength(1);
    expect(updates[0].text).toContain("status = 'rejected'");
    expect(updates[0].text).toContain("d.status IN ('received', 'signing')");
    expect(updates[0].params).toEqual([[A], [2], ['principal'], ['3100000002'], ['Sai điểm'], ['2026-05-20T08:00:00.000Z']]);
  });
});
