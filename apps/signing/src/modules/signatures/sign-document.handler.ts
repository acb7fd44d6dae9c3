import { Topics, type EventMeta, type EventPayload } from '@edu/contracts';
import { sha256Hex } from '@edu/crypto';
import { DomainError, isPermanent } from '@edu/errors';
import { OutboxWriter, type EventContext, type EventHandler } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { ObjectStore } from '@edu/storage';
import { Inject, Injectable } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { SigningErrors } from '../../signing-errors.js';
import { SealSigners, type SealSigner } from '../seals/seal-signers.js';
import { SignatureRecords, type SignatureRecord } from './signature-records.js';

type DocumentSubmitted = EventPayload<typeof Topics.DocumentSubmitted>;
type ContentRef = NonNullable<DocumentSubmitted['content']>;

export const INSTITUTION_SEAL_ROLE = 'institution-seal';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Seals a submitted document with its issuer's institution seal (detached CAdES B-B over the staged canonical bytes)
 * and announces it. A redelivery, or the same document submitted twice, finds the signature row and does nothing.
 * Until the issuer's seal is certified the event is retried (SEAL_NOT_READY is transient); once its seal is revoked
 * the document fails with SIGNING.SEAL_REVOKED.
 */
@Injectable()
export class SignDocumentHandler implements EventHandler<typeof Topics.DocumentSubmitted, Buffer | DomainError> {
  constructor(
    @Inject(ObjectStore) private readonly store: ObjectStore,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(SealSigners) private readonly signers: SealSigners,
    @Inject(SignatureRecords) private readonly signatures: SignatureRecords,
    @Inject(SIGNING_CONFIG) private readonly config: SigningConfig,
  ) {}

  async execute(event: DocumentSubmitted, ctx: EventContext): Promise<void> {
    await this.apply(event, ctx, await this.prepare(event));
  }

  /**
   * Outside the transaction, for a whole batch in parallel: fetch the content and check it. Content that can never be
   * signed (wrong hash, gone, outside staging) becomes a failure the school is told about; an event without a document
   * id cannot be answered and goes to the dead-letter topic.
   */
  async prepare(event: DocumentSubmitted): Promise<Buffer | DomainError> {
    checkComplete(event);
    try {
      return await this.fetchContent(event);
    } catch (err) {
      if (err instanceof DomainError && isPermanent(err)) return err;
      throw err;
    }
  }

  private async fetchContent(event: DocumentSubmitted): Promise<Buffer> {
    const ref = checkComplete(event);
    let content: Buffer;
    if (ref.inline.length) content = Buffer.from(ref.inline);
    else {
      if (ref.bucket !== this.config.STAGING_BUCKET) throw SigningErrors.contentOutsideStaging(ref.bucket);
      content = await this.readContent(ref);
    }
    if (sha256Hex(content) !== ref.sha256.toLowerCase() || (ref.size > 0n && BigInt(content.length) !== ref.size))
      throw SigningErrors.contentMismatch();
    return content;
  }

  async apply(event: DocumentSubmitted, ctx: EventContext, content: Buffer | DomainError): Promise<void> {
    await this.applyBatch([{ payload: event, meta: ctx.meta, prepared: content }], ctx.em);
  }

  /**
   * Seals every new document of a batch and announces it, with one statement for the signatures and one for the
   * events. A missing or expired seal fails the batch; the inbox then retries each event alone.
   */
  async applyBatch(events: Array<{ payload: DocumentSubmitted; meta: EventMeta; prepared: Buffer | DomainError }>, em: EntityManager): Promise<void> {
    const ids = events.map((e) => {
      checkComplete(e.payload);
      return e.payload.documentId;
    });
    const signed = await this.signatures.signedAmong(em, ids);
    const todo = events.filter((e) => !signed.has(e.payload.documentId));
    const seals = new Map<string, SealSigner | DomainError>();
    for (const { payload, prepared } of todo) {
      if (prepared instanceof DomainError || seals.has(payload.issuerCode)) continue;
      seals.set(payload.issuerCode, await this.sealOf(em, payload.issuerCode));
    }
    // CMS signingTime holds whole seconds; recording the same instant keeps the row and the signature in agreement.
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const records: SignatureRecord[] = [];
    const outgoing = todo.map(({ payload: event, meta, prepared }) => {
      const cause = { correlationId: meta.correlationId, causationId: meta.eventId };
      const seal = prepared instanceof DomainError ? prepared : seals.get(event.issuerCode)!;
      if (seal instanceof DomainError) {
        const payload = { documentId: event.documentId, code: seal.code, reasonVi: seal.text.vi, reasonEn: seal.text.en };
        return { key: event.documentId, event: { type: Topics.DocumentSigningFailed, ...cause, payload } };
      }
      const signature = { index: 1, role: INSTITUTION_SEAL_ROLE, signerSubject: seal.signerSubject, signerCertificateSha256: seal.signerCertificateSha256 };
      const cms = seal.signer.sign(prepared as Buffer, signedAt);
      records.push({ documentId: event.documentId, ...signature, cms, signedAt });
      const ref = event.content!;
      const payload = {
        documentId: event.documentId,
        documentType: event.documentType,
        version: event.version,
        issuerCode: event.issuerCode,
        studentId: event.studentId,
        schoolYear: event.schoolYear,
        content: { bucket: ref.bucket, key: ref.key, sha256: ref.sha256, size: ref.size, versionId: ref.versionId, inline: ref.inline },
        signatures: [{ ...signature, cms, signedAt: signedAt.toISOString() }],
      };
      return { key: event.documentId, event: { type: Topics.DocumentSigned, ...cause, payload } };
    });
    await this.signatures.insertMany(em, records);
    await this.outbox.appendMany(em, outgoing as Parameters<OutboxWriter['appendMany']>[1]);
  }

  /**
   * The issuer's seal, or the permanent reason its documents cannot be sealed (revoked). A seal that is not certified
   * yet, or expired, fails the batch as transient: the inbox retries.
   */
  private async sealOf(em: EntityManager, issuerCode: string): Promise<SealSigner | DomainError> {
    const seal = await this.signers.forOrg(em, issuerCode);
    if (!seal) {
      const revoked = await this.signers.revokedSeal(em, issuerCode);
      if (revoked) return SigningErrors.sealRevoked(issuerCode, revoked.reason);
      throw SigningErrors.sealNotReady(issuerCode);
    }
    if (seal.notAfter.getTime() <= Date.now()) throw SigningErrors.sealExpired(issuerCode);
    return seal;
  }

  private async readContent(ref: ContentRef): Promise<Buffer> {
    try {
      return await this.store.get(ref.bucket, ref.key, ref.versionId || undefined);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'NoSuchKey' || code === 'NoSuchVersion' || code === 'NotFound') throw SigningErrors.contentMissing();
      throw err; // storage unreachable: transient, the consumer retries
    }
  }
}

function checkComplete(event: DocumentSubmitted): ContentRef {
  if (!UUID.test(event.documentId)) throw SigningErrors.eventIncomplete('documentId');
  if (!event.issuerCode) throw SigningErrors.eventIncomplete('issuerCode');
  if (!event.documentType) throw SigningErrors.eventIncomplete('documentType');
  const ref = event.content;
  if (!ref || (!ref.inline.length && (!ref.bucket || !ref.key))) throw SigningErrors.eventIncomplete('content');
  if (!SHA256_HEX.test(ref.sha256.toLowerCase())) throw SigningErrors.eventIncomplete('content.sha256');
  return ref;
}
