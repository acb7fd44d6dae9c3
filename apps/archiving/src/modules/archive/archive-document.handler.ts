import { Topics, type EventMeta, type EventPayload } from '@edu/contracts';
import { mergeSignedData } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import { OutboxWriter, type EventContext, type EventHandler } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { ByteBudget, ObjectStore } from '@edu/storage';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ARCHIVING_CONFIG, type ArchivingConfig } from '../../config.js';
import { buildAsicContainer } from './asic-container.js';
import { retentionDays } from './retention-policy.js';

type DocumentSigned = EventPayload<typeof Topics.DocumentSigned>;

/** Where a container was stored and until when the server holds it under COMPLIANCE retention. */
export interface StoredContainer {
  bucket: string;
  key: string;
  versionId: string;
  sha256: string;
  size: number;
  retainUntil: Date;
}

const archiveError = (code: string, en: string, vi: string, field: string | null = null) =>
  new DomainError(`ARCHIVING.${code}`, 'invalid', { vi, en }, field);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * Writes one self-contained container per document version into the object-lock bucket under COMPLIANCE retention
 * (prepare, outside the transaction, in parallel across a batch), then indexes it and
 * announces it (apply, in the inbox transaction). The container bytes are deterministic, so a repeated prepare finds
 * the same object under the same key and reuses its version instead of writing a second one.
 */
@Injectable()
export class ArchiveDocumentHandler implements EventHandler<typeof Topics.DocumentSigned, StoredContainer> {
  constructor(
    @Inject(ObjectStore) private readonly store: ObjectStore,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(ARCHIVING_CONFIG) private readonly config: ArchivingConfig,
  ) {
    this.memory = new ByteBudget(config.CONTAINER_MEMORY_BUDGET);
  }

  /** Containers being built hold their contents: a batch of 8 MiB contracts is built a few at a time. */
  private readonly memory: ByteBudget;

  async prepare(event: DocumentSigned, _meta: EventMeta): Promise<StoredContainer> {
    const ref = event.content;
    if (!event.documentId || !ref || (!ref.inline.length && (!ref.bucket || !ref.key))) throw archiveError('EVENT_INCOMPLETE', 'document-signed lacks the document id or content reference', 'Sự kiện thiếu mã tài liệu hoặc tham chiếu nội dung', 'content');
    if (!event.signatures.length) throw archiveError('NO_SIGNATURE', 'a signed document must carry at least one signature', 'Tài liệu đã ký phải có ít nhất một chữ ký', 'signatures');
    // The content and its container are held together: twice the content's size.
    return this.memory.run(2 * Number(ref.size || ref.inline.length), () => this.archive(event, ref));
  }

  private async archive(event: DocumentSigned, ref: NonNullable<DocumentSigned['content']>): Promise<StoredContainer> {
    const content = ref.inline.length ? Buffer.from(ref.inline) : await this.store.get(ref.bucket, ref.key, ref.versionId || undefined);
    if (sha256(content) !== ref.sha256) throw archiveError('CONTENT_MISMATCH', 'staged content does not match its SHA-256', 'Nội dung lưu tạm không khớp mã băm SHA-256', 'content.sha256');
    const container = await this.buildContainer(event, content);
    const digest = sha256(container);
    const bucket = this.config.ARCHIVE_BUCKET;
    const key = `${event.documentType}/${event.issuerCode}/${event.schoolYear}/${event.documentId}.asics`;
    // Whole seconds: the server keeps retain-until dates to the second, and the index records the same instant.
    const wanted = new Date(Math.floor((Date.now() + retentionDays(event.documentType, this.config) * 86_400_000) / 1000) * 1000);
    // The object and its retention are written by one conditional request, so no version ever exists unlocked, and a
    // repeated attempt finds the container it wrote before instead of adding a second version.
    const stored = await this.store.putLockedOnce(bucket, key, container, 'application/vnd.etsi.asic-s+zip', { mode: 'COMPLIANCE', retainUntil: wanted }, digest);
    if (!stored) throw archiveError('CONTAINER_CONFLICT', `another object already holds ${key}`, `Đã có đối tượng khác tại ${key}`, 'documentId');
    const { versionId } = stored;
    // A new version carries the lock from its own PUT: the server refuses a PUT whose lock it cannot apply. A container
    // an earlier attempt wrote is read back, since its retention is whatever that attempt set.
    const retainUntil = stored.created ? wanted : await this.provenRetention(bucket, key, versionId);
    return { bucket, key, versionId, sha256: digest, size: container.length, retainUntil };
  }

  private async provenRetention(bucket: string, key: string, versionId: string): Promise<Date> {
    const proof = await this.store.getRetention(bucket, key, versionId);
    if (proof?.mode !== 'COMPLIANCE' || proof.retainUntil.getTime() < Date.now())
      throw new Error(`retention of ${key} did not hold: ${JSON.stringify(proof)}`);
    return proof.retainUntil;
  }

  async apply(event: DocumentSigned, ctx: EventContext, stored: StoredContainer): Promise<void> {
    await this.applyBatch([{ payload: event, meta: ctx.meta, prepared: stored }], ctx.em);
  }

  /** Indexes the stored containers and announces the new ones, with one statement each. */
  async applyBatch(events: Array<{ payload: DocumentSigned; meta: EventMeta; prepared: StoredContainer }>, em: EntityManager): Promise<void> {
    const rows: Array<{ document_id: string }> = await em.query(
      `INSERT INTO archived_documents (document_id, document_type, issuer_code, bucket, object_key, version_id, sha256, size, retention_mode, retain_until)
       SELECT id, type, issuer, bucket, key, version_id, sha256, size, 'COMPLIANCE', until
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::timestamptz[])
         AS t(id, type, issuer, bucket, key, version_id, sha256, size, until)
       ON CONFLICT (document_id) DO NOTHING RETURNING document_id`,
      [
        events.map((e) => e.payload.documentId),
        events.map((e) => e.payload.documentType),
        events.map((e) => e.payload.issuerCode),
        events.map((e) => e.prepared.bucket),
        events.map((e) => e.prepared.key),
        events.map((e) => e.prepared.versionId),
        events.map((e) => e.prepared.sha256),
        events.map((e) => e.prepared.size),
        events.map((e) => e.prepared.retainUntil),
      ],
    );
    const indexed = new Set(rows.map((r) => r.document_id));
    await this.outbox.appendMany(
      em,
      events
        .filter((e) => indexed.has(e.payload.documentId))
        .map(({ payload, meta, prepared: stored }) => ({
          key: payload.documentId,
          event: {
            type: Topics.DocumentArchived,
            correlationId: meta.correlationId,
            causationId: meta.eventId,
            payload: {
              documentId: payload.documentId,
              container: { bucket: stored.bucket, key: stored.key, sha256: stored.sha256, size: BigInt(stored.size), versionId: stored.versionId },
              retainUntil: stored.retainUntil.toISOString(),
              retentionMode: 'COMPLIANCE',
            },
          },
        })),
    );
  }

  private buildContainer(event: DocumentSigned, content: Buffer): Promise<Buffer> {
    return buildAsicContainer({
      dataName: `${event.documentType}.json`,
      data: content,
      signature: allSignatures(event),
      metadata: {
        documentId: event.documentId,
        documentType: event.documentType,
        version: event.version,
        issuerCode: event.issuerCode,
        ...(event.studentId ? { studentId: event.studentId } : {}),
        schoolYear: event.schoolYear,
        contentSha256: event.content?.sha256,
        signatures: event.signatures.map((s) => ({ index: s.index, role: s.role, signer: s.signerSubject, signedAt: s.signedAt })),
      },
    });
  }
}

/**
 * Every signature of the workflow (teacher, principal, seal) as one SignedData with a SignerInfo each, so the
 * ASiC-S container's single `signature.p7s` holds them all and any CMS verifier checks them together.
 */
function allSignatures(event: DocumentSigned): Buffer {
  const ordered = [...event.signatures].sort((a, b) => a.index - b.index).map((s) => Buffer.from(s.cms));
  try {
    return ordered.length === 1 ? ordered[0] : mergeSignedData(ordered);
  } catch {
    throw archiveError('SIGNATURE_MALFORMED', 'a signature is not detached CMS SignedData over the content', 'Chữ ký không phải CMS SignedData tách rời', 'signatures');
  }
}
