import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext, EventHandler } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import { assertKnownDocuments } from './tracking-errors.js';

type DocumentSigned = EventPayload<typeof Topics.DocumentSigned>;

/**
 * Records a document's signatures and moves it to `signed`. Events of different topics may arrive in any order, so
 * the status only moves forward (an archived document stays archived). A batch is applied with set-based SQL.
 */
@Injectable()
export class RecordSignedHandler implements EventHandler<typeof Topics.DocumentSigned> {
  async apply(e: DocumentSigned, ctx: EventContext): Promise<void> {
    await this.applyBatch([{ payload: e }], ctx.em);
  }

  async applyBatch(events: Array<{ payload: DocumentSigned }>, em: EntityManager): Promise<void> {
    const ids = events.map((e) => e.payload.documentId);
    await assertKnownDocuments(em, ids);
    const sigs = events.flatMap(({ payload }) => payload.signatures.map((s) => ({ documentId: payload.documentId, ...s })));
    if (sigs.length) {
      await em.query(
        `INSERT INTO document_signatures (document_id, idx, role, signer_subject, signer_certificate_sha256, cms, signed_at)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[], $6::bytea[], $7::timestamptz[])
         ON CONFLICT (document_id, idx) DO NOTHING`,
        [
          sigs.map((s) => s.documentId),
          sigs.map((s) => s.index),
          sigs.map((s) => s.role),
          sigs.map((s) => s.signerSubject),
          sigs.map((s) => s.signerCertificateSha256),
          sigs.map((s) => Buffer.from(s.cms)),
          sigs.map((s) => s.signedAt),
        ],
      );
    }
    await em.query(
      `UPDATE documents SET signed_at = coalesce(signed_at, now()),
         status = CASE WHEN status IN ('received', 'signing') THEN 'signed' ELSE status END
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
