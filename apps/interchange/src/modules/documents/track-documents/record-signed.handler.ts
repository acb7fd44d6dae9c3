import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext, EventHandler } from '@edu/messaging';
import { insertRows, preparedQuery, type EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import { assertKnownDocuments } from './tracking-errors.js';

type DocumentSigned = EventPayload<typeof Topics.DocumentSigned>;

const SIGNATURE_COLUMNS: Array<[string, string]> = [
  ['document_id', 'uuid'], ['idx', 'int'], ['role', 'text'], ['signer_subject', 'text'], ['signer_certificate_sha256', 'text'], ['signed_at', 'timestamptz'],
];

/**
 * Records who signed a document, in which role and when, and moves it to `signed`. The signatures' bytes stay with
 * signing, which serves them (GET /v1/documents/{id}/signatures/{n} fetches them there): copying ~12 KB per signature
 * here was a quarter of the database's write-ahead log in the documents benchmark. Events of different topics may
 * arrive in any order, so the status only moves forward (an archived document stays archived). A batch is applied
 * with set-based SQL.
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
    await insertRows(
      em,
      'document_signatures',
      SIGNATURE_COLUMNS,
      sigs.map((s) => [s.documentId, s.index, s.role, s.signerSubject, s.signerCertificateSha256, s.signedAt]),
      'ON CONFLICT (document_id, idx) DO NOTHING',
    );
    await preparedQuery(
      em,
      'interchange.record-signed',
      `UPDATE documents SET signed_at = coalesce(signed_at, now()),
         status = CASE WHEN status IN ('received', 'signing') THEN 'signed' ELSE status END
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
