import { Topics, type EventPayload } from '@edu/contracts';
import { DomainError } from '@edu/errors';
import { OutboxWriter, type EventContext } from '@edu/messaging';
import { ObjectStore } from '@edu/storage';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ARCHIVING_CONFIG, type ArchivingConfig } from '../../config.js';
import { buildAsicContainer } from './asic-container.js';
import { retentionDays } from './retention-policy.js';

type DocumentSigned = EventPayload<typeof Topics.DocumentSigned>;

const archiveError = (code: string, en: string, vi: string, field: string | null = null) =>
  new DomainError(`ARCHIVING.${code}`, 'invalid', { vi, en }, field);

/**
 * Writes one self-contained container per document version into the object-lock bucket, sets COMPLIANCE retention,
 * reads it back to prove it, indexes it and announces it — all or nothing from the consumer's point of view: a
 * redelivery finds the same key and reuses the stored version instead of writing a second one.
 */
@Injectable()
export class ArchiveDocumentHandler {
  constructor(
    @Inject(ObjectStore) private readonly store: ObjectStore,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ARCHIVING_CONFIG) private readonly config: ArchivingConfig,
  ) {}

  async execute(event: DocumentSigned, ctx: EventContext): Promise<void> {
    const ref = event.content;
    if (!event.documentId || !ref?.bucket || !ref.key) throw archiveError('EVENT_INCOMPLETE', 'document-signed lacks the document id or content reference', 'Sự kiện thiếu mã tài liệu hoặc tham chiếu nội dung', 'content');
    if (!event.signatures.length) throw archiveError('NO_SIGNATURE', 'a signed document must carry at least one signature', 'Tài liệu đã ký phải có ít nhất một chữ ký', 'signatures');
    const existing = await ctx.em.query('SELECT 1 FROM archived_documents WHERE document_id = $1', [event.documentId]);
    if (existing.length) return;

    const content = await this.store.get(ref.bucket, ref.key, ref.versionId || undefined);
    const contentSha = createHash('sha256').update(content).digest('hex');
    if (contentSha !== ref.sha256) throw archiveError('CONTENT_MISMATCH', 'staged content does not match its SHA-256', 'Nội dung lưu tạm không khớp mã băm SHA-256', 'content.sha256');

    const container = await buildAsicContainer({
      dataName: `${event.documentType}.json`,
      data: content,
      signature: Buffer.from(event.signatures[0].cms),
      metadata: {
        documentId: event.documentId,
        documentType: event.documentType,
        version: event.version,
        issuerCode: event.issuerCode,
        studentId: event.studentId,
        schoolYear: event.schoolYear,
        contentSha256: contentSha,
        signatures: event.signatures.map((s) => ({ index: s.index, role: s.role, signer: s.signerSubject, signedAt: s.signedAt })),
      },
    });
    const sha256 = createHash('sha256').update(container).digest('hex');
    const bucket = this.config.ARCHIVE_BUCKET;
    const key = `${event.documentType}/${event.issuerCode}/${event.schoolYear}/${event.documentId}.asics`;
    const stored = await this.store.put(bucket, key, container, 'application/vnd.etsi.asic-s+zip');
    if (!stored.versionId) throw new Error(`bucket ${bucket} is not versioned: object lock is off`);

    const retainUntil = new Date(Date.now() + retentionDays(event.documentType, this.config) * 86_400_000);
    await this.store.setRetention(bucket, key, stored.versionId, { mode: 'COMPLIANCE', retainUntil });
    const proof = await this.store.getRetention(bucket, key, stored.versionId);
    if (proof?.mode !== 'COMPLIANCE' || proof.retainUntil.getTime() < retainUntil.getTime() - 1000)
      throw new Error(`retention of ${key} did not hold: ${JSON.stringify(proof)}`);

    await ctx.em.query(
      `INSERT INTO archived_documents (document_id, document_type, issuer_code, bucket, object_key, version_id, sha256, size, retention_mode, retain_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'COMPLIANCE', $9)`,
      [event.documentId, event.documentType, event.issuerCode, bucket, key, stored.versionId, sha256, container.length, proof.retainUntil],
    );
    await this.outbox.append(ctx.em, event.documentId, {
      type: Topics.DocumentArchived,
      correlationId: ctx.meta.correlationId,
      causationId: ctx.meta.eventId,
      payload: {
        documentId: event.documentId,
        container: { bucket, key, sha256, size: BigInt(container.length), versionId: stored.versionId },
        retainUntil: proof.retainUntil.toISOString(),
        retentionMode: 'COMPLIANCE',
      },
    });
  }
}
