import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext, EventHandler } from '@edu/messaging';
import { preparedQuery, type EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import { assertKnownDocuments } from './tracking-errors.js';

type SignatureRequested = EventPayload<typeof Topics.SignatureRequested>;

/**
 * A signing step became due: the document shows `signing` and the step it waits for. Reminders change nothing; the
 * step only moves forward, and a document that went further (signed, rejected, failed, archived) stays where it is.
 */
@Injectable()
export class RecordSignatureRequestedHandler implements EventHandler<typeof Topics.SignatureRequested> {
  async apply(e: SignatureRequested, ctx: EventContext): Promise<void> {
    await this.applyBatch([{ payload: e }], ctx.em);
  }

  async applyBatch(events: Array<{ payload: SignatureRequested }>, em: EntityManager): Promise<void> {
    const latest = new Map<string, SignatureRequested>();
    for (const { payload } of events) {
      if (payload.reminder) continue;
      const seen = latest.get(payload.documentId);
      if (!seen || seen.step < payload.step) latest.set(payload.documentId, payload);
    }
    if (!latest.size) return;
    const steps = [...latest.values()];
    await assertKnownDocuments(em, steps.map((s) => s.documentId));
    await preparedQuery(
      em,
      'interchange.record-signature-requested',
      `UPDATE documents d SET status = 'signing', pending_step = r.step, pending_role = r.role
       FROM unnest($1::uuid[], $2::int[], $3::text[]) AS r(id, step, role)
       WHERE d.id = r.id AND d.status IN ('received', 'signing') AND (d.pending_step IS NULL OR d.pending_step < r.step)`,
      [steps.map((s) => s.documentId), steps.map((s) => s.step), steps.map((s) => s.role)],
    );
  }
}
