import { Topics, type EventPayload } from '@edu/contracts';
import type { EventContext, EventHandler } from '@edu/messaging';
import { preparedQuery, type EntityManager } from '@edu/persistence';
import { Injectable } from '@nestjs/common';
import { assertKnownDocuments, unknownDocument } from './tracking-errors.js';

type DocumentArchived = EventPayload<typeof Topics.DocumentArchived>;

/** Records where a document is archived, moves it to `archived` and puts it in the ministry feed exactly once. */
@Injectable()
export class RecordArchivedHandler implements EventHandler<typeof Topics.DocumentArchived> {
  async apply(e: DocumentArchived, ctx: EventContext): Promise<void> {
    await this.applyBatch([{ payload: e }], ctx.em);
  }

  async applyBatch(events: Array<{ payload: DocumentArchived }>, em: EntityManager): Promise<void> {
    const all = events.map((e) => e.payload);
    const incomplete = all.find((e) => !e.container?.key);
    if (incomplete) throw unknownDocument(incomplete.documentId);
    // Feed cursors must never skip a row: a sequence number taken early but committed late would be passed over by a
    // reader already beyond it. Holding this lock until commit makes sequence order equal commit order. It is taken
    // before any row lock, so a transaction never waits for it while holding rows another one needs.
    await em.query(`SELECT pg_advisory_xact_lock(hashtext('interchange.feed'))`);
    await assertKnownDocuments(em, all.map((e) => e.documentId));
    await preparedQuery(
      em,
      'interchange.record-archived',
      `UPDATE documents d SET status = 'archived', archived_at = coalesce(d.archived_at, now()), archive_bucket = a.bucket,
         archive_key = a.key, archive_version_id = a.version_id, archive_sha256 = a.sha256, archive_size = a.size,
         retention_mode = a.mode, retain_until = a.until
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::timestamptz[])
         AS a(id, bucket, key, version_id, sha256, size, mode, until)
       WHERE d.id = a.id`,
      [
        all.map((e) => e.documentId),
        all.map((e) => e.container!.bucket),
        all.map((e) => e.container!.key),
        all.map((e) => e.container!.versionId),
        all.map((e) => e.container!.sha256),
        all.map((e) => e.container!.size.toString()),
        all.map((e) => e.retentionMode),
        all.map((e) => e.retainUntil),
      ],
    );
    await em.query(
      `INSERT INTO feed (document_id) SELECT id FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n) ORDER BY n
       ON CONFLICT (document_id) DO NOTHING`,
      [all.map((e) => e.documentId)],
    );
  }
}
