import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext, EventHandler } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import { assertKnownDocuments } from './tracking-errors.js';

type DocumentRejected = EventPayload<typeof Topics.DocumentRejected>;

/**
 * A signer refused the document: status `rejected` with who, at which step and why. The school may submit a corrected
 * version, which supersedes this one. A late or repeated event leaves a document that went further alone.
 */
@Injectable()
export class RecordRejectedHandler implements EventHandler<typeof Topics.DocumentRejected> {
  async apply(e: DocumentRejected, ctx: EventContext): Promise<void> {
    await this.applyBatch([{ payload: e }], ctx.em);
  }

  async applyBatch(events: Array<{ payload: DocumentRejected }>, em: EntityManager): Promise<void> {
    const all = [...new Map(events.map((e) => [e.payload.documentId, e.payload])).values()];
    await assertKnownDocuments(em, all.map((e) => e.documentId));
    await em.query(
      `UPDATE documents d SET status = 'rejected', pending_step = NULL, pending_role = NULL, rejected_step = r.step,
         rejected_role = r.role, rejected_by = r.person_id, rejected_reason = r.reason, rejected_at = coalesce(r.at, now())
       FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::timestamptz[]) AS r(id, step, role, person_id, reason, at)
       WHERE d.id = r.id AND d.status IN ('received', 'signing')`,
      [all.map((e) => e.documentId), all.map((e) => e.step), all.map((e) => e.role), all.map((e) => e.personId), all.map((e) => e.reason),
        all.map((e) => e.rejectedAt || null)],
    );
  }
}
