import { Topics, type EventPayload } from '@edu/contracts';
import { DomainError } from '@edu/errors';
import type { EventContext } from '@edu/messaging';
import { Injectable } from '@nestjs/common';

const unknownDocument = (id: string) =>
  new DomainError('INTERCHANGE.EVENT_FOR_UNKNOWN_DOCUMENT', 'invalid', {
    vi: `Sự kiện cho tài liệu không tồn tại: ${id}`,
    en: `Event for an unknown document: ${id}`,
  }, 'documentId');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Follows a document through signing and archiving. Events of different topics may arrive in any order, so each
 * update only moves the status forward; the feed gets a record once, on archiving.
 */
@Injectable()
export class TrackDocumentsHandler {
  async signed(e: EventPayload<typeof Topics.DocumentSigned>, ctx: EventContext): Promise<void> {
    if (!UUID.test(e.documentId)) throw unknownDocument(e.documentId);
    const [doc] = await ctx.em.query('SELECT id FROM documents WHERE id = $1', [e.documentId]);
    if (!doc) throw unknownDocument(e.documentId);
    for (const s of e.signatures) {
      await ctx.em.query(
        `INSERT INTO document_signatures (document_id, idx, role, signer_subject, signer_certificate_sha256, cms, signed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (document_id, idx) DO NOTHING`,
        [e.documentId, s.index, s.role, s.signerSubject, s.signerCertificateSha256, Buffer.from(s.cms), s.signedAt],
      );
    }
    await ctx.em.query(
      `UPDATE documents SET signed_at = coalesce(signed_at, now()),
         status = CASE WHEN status IN ('received', 'signing') THEN 'signed' ELSE status END WHERE id = $1`,
      [e.documentId],
    );
  }

  async archived(e: EventPayload<typeof Topics.DocumentArchived>, ctx: EventContext): Promise<void> {
    const c = e.container;
    if (!UUID.test(e.documentId)) throw unknownDocument(e.documentId);
    const [doc] = await ctx.em.query('SELECT id FROM documents WHERE id = $1', [e.documentId]);
    if (!doc || !c?.key) throw unknownDocument(e.documentId);
    // Feed cursors must never skip a row: a sequence number taken early but committed late would be passed over by a
    // reader already beyond it. Holding this lock until commit makes sequence order equal commit order. It is taken
    // before any row lock, so a transaction never waits for it while holding rows another one needs.
    await ctx.em.query(`SELECT pg_advisory_xact_lock(hashtext('interchange.feed'))`);
    await ctx.em.query(
      `UPDATE documents SET status = 'archived', archived_at = coalesce(archived_at, now()), archive_bucket = $2, archive_key = $3,
         archive_version_id = $4, archive_sha256 = $5, archive_size = $6, retention_mode = $7, retain_until = $8
       WHERE id = $1`,
      [e.documentId || null, c.bucket, c.key, c.versionId, c.sha256, c.size.toString(), e.retentionMode, e.retainUntil],
    );
    await ctx.em.query('INSERT INTO feed (document_id) VALUES ($1) ON CONFLICT (document_id) DO NOTHING', [e.documentId]);
  }
}
