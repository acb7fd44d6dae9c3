import { canReadIssuer, type Principal } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { isUuid, type HocBaContent } from '@edu/contracts';
import { ObjectStore } from '@edu/storage';
import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { SigningErrors } from '../../signing-errors.js';
import { SignatureLevels } from '../custody/signature-levels.js';
import { InstitutionSeal } from '../signatures/institution-seal.js';
import { StagedContent } from '../signatures/staged-content.js';

interface SignedRecord {
  document_type: string;
  issuer_code: string;
  state: string;
  sealed_at: Date;
  content_bucket: string;
  content_key: string;
  content_version_id: string;
  content_sha256: string;
  content_size: string;
  content_inline: Buffer | null;
}

/** Why the seal is applied, as a PDF reader shows it, by document type. */
const REASONS: Record<string, string> = {
  'hoc-ba': 'Đóng dấu học bạ điện tử / Sealed electronic student record',
  'hoa-don': 'Đóng dấu hóa đơn điện tử / Sealed e-invoice',
  'hop-dong': 'Đóng dấu hợp đồng điện tử / Sealed e-contract',
};

/**
 * The human-readable record: the học bạ rendered from the signed canonical content, or the PDF an invoice or contract
 * carries in it; sealed with the institution's seal as a PAdES B-T signature (a time-stamped CMS without the
 * signing-time attribute: the PDF holds the time) on first request, and kept in the staging bucket so later requests
 * get the same bytes. Rendering costs ~30 ms, so it happens on demand, not in the signing pipeline.
 */
@Injectable()
export class RecordPdfs {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ObjectStore) private readonly store: ObjectStore,
    @Inject(StagedContent) private readonly content: StagedContent,
    @Inject(InstitutionSeal) private readonly seals: InstitutionSeal,
    @Inject(SignatureLevels) private readonly levels: SignatureLevels,
    @Inject(SIGNING_CONFIG) private readonly config: Pick<SigningConfig, 'STAGING_BUCKET'>,
  ) {}

  async pdf(documentId: string, principal: Principal): Promise<Buffer> {
    const record = await this.record(documentId, principal);
    const key = `renditions/${documentId}.pdf`;
    const cached = await this.cached(key);
    if (cached) return cached;

    const bytes = await this.content.read({
      bucket: record.content_bucket,
      key: record.content_key,
      versionId: record.content_version_id,
      sha256: record.content_sha256,
      size: BigInt(record.content_size),
      inline: record.content_inline ?? Buffer.alloc(0),
    });
    // Loaded on the first PDF asked for: the renderer, its fonts and fontkit are ~30 MB of RSS that a signing process
    // which never renders need not carry.
    const { renderHocBaPdf, signPdf } = await import('@edu/pdf');
    const content: unknown = JSON.parse(bytes.toString('utf8'));
    const pdf = record.document_type === 'hoc-ba'
      ? await renderHocBaPdf(content as HocBaContent, { generatedAt: new Date(record.sealed_at) })
      : Buffer.from((content as { attachment: { data: string } }).attachment.data, 'base64');
    const seal = await this.seals.of(this.dataSource.manager, record.issuer_code);
    const signed = await signPdf(
      pdf,
      { reason: REASONS[record.document_type], location: 'Hải Phòng', signerName: seal.signerSubject, signingTime: new Date() },
      async (signedBytes) => (await this.levels.complete(seal.signer, [createHash('sha256').update(signedBytes).digest()], null, 'B-T'))[0],
    );
    await this.store.put(this.config.STAGING_BUCKET, key, signed, 'application/pdf');
    return signed;
  }

  private async record(documentId: string, principal: Principal): Promise<SignedRecord> {
    const [row]: SignedRecord[] = isUuid(documentId)
      ? await this.dataSource.query(
          `SELECT w.document_type, w.issuer_code, w.state, w.content_bucket, w.content_key, w.content_version_id, w.content_sha256,
                  w.content_size::text AS content_size, w.content_inline,
                  (SELECT max(s.signed_at) FROM signatures s WHERE s.document_id = w.document_id) AS sealed_at
           FROM workflows w WHERE w.document_id = $1`,
          [documentId],
        )
      : [];
    // Another school's record is "not found", as interchange answers: its existence is not ours to reveal.
    if (!row || !canReadIssuer(principal, row.issuer_code)) throw SigningErrors.renditionNotFound(documentId);
    if (!Object.hasOwn(REASONS, row.document_type)) throw SigningErrors.renditionNotFound(documentId);
    if (row.state !== 'SIGNED') throw SigningErrors.renditionNotSigned(documentId);
    return row;
  }

  private async cached(key: string): Promise<Buffer | null> {
    try {
      return await this.store.get(this.config.STAGING_BUCKET, key);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'NoSuchKey' || code === 'NotFound') return null;
      throw err;
    }
  }
}
