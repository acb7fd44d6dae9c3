import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext, EventHandler } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import { assertKnownDocuments } from './tracking-errors.js';

type DocumentSigningFailed = EventPayload<typeof Topics.DocumentSigningFailed>;

/** Marks a document `failed` with signing's reason, unless it already went further (a late or repeated event). */
@Injectable()
export class RecordSigningFailedHandler implements EventHandler<typeof Topics.DocumentSigningFailed> {
  async apply(e: DocumentSigningFailed, ctx: EventContext): Promise<void> {
    await this.applyBatch([{ payload: e }], ctx.em);
  }

  async applyBatch(events: Array<{ payload: DocumentSigningFailed }>, em: EntityManager): Promise<void> {
    const all = events.map((e) => e.payload);
    await assertKnownDocuments(em, all.map((e) => e.documentId));
    await em.query(
      `UPDATE documents d SET status = 'failed', failure_code = f.code, failure_vi = f.vi, failure_en = f.en
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS f(id, code, vi, en)
       WHERE d.id = f.id AND d.status IN ('received', 'signing')`,
      [all.map((e) => e.documentId), all.map((e) => e.code), all.map((e) => e.reasonVi), all.map((e) => e.reasonEn)],
    );
  }
}
