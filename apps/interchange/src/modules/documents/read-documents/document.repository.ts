import { isUuid } from '@edu/contracts';
import { canReadIssuer, type Principal } from '@edu/auth';
import { DataSource } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { InterchangeErrors } from '../interchange-errors.js';
import { toDocumentView, type DocumentView } from './document.view.js';

/** Every column the document view needs; not the content bytes. */
const VIEW_COLUMNS = `d.id, d.document_type, d.issuer_code, d.subject, d.school_year, d.version, d.supersedes_id, d.status,
  d.content_sha256, d.content_size, d.submitted_at, d.signed_at, d.archived_at, d.archive_bucket, d.archive_key,
  d.archive_version_id, d.archive_sha256, d.archive_size, d.retention_mode, d.retain_until, d.failure_code, d.failure_vi,
  d.failure_en, d.pending_step, d.pending_role, d.rejected_step, d.rejected_role, d.rejected_by, d.rejected_reason, d.rejected_at`;


export interface FeedPage {
  items: Array<DocumentView & { cursor: string }>;
  nextCursor: string;
  hasMore: boolean;
}

/** Reads documents as the caller may see them: a school only its own; another school's id is simply not found. */
@Injectable()
export class DocumentRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async row(id: string, principal: Principal): Promise<Record<string, unknown>> {
    if (!isUuid(id)) throw InterchangeErrors.documentNotFound();
    const [row] = await this.dataSource.query('SELECT * FROM documents WHERE id = $1', [id]);
    if (!row || !canReadIssuer(principal, row.issuer_code)) throw InterchangeErrors.documentNotFound();
    return row;
  }

  async view(id: string, principal: Principal): Promise<DocumentView> {
    const row = await this.row(id, principal);
    const signatures = await this.dataSource.query(
      'SELECT idx, role, signer_subject, signer_certificate_sha256, signed_at FROM document_signatures WHERE document_id = $1 ORDER BY idx',
      [id],
    );
    return toDocumentView(row, signatures);
  }

  /**
   * The n-th signature's DER when this service kept it (signatures recorded before signing served them), null when
   * signing holds it; INTERCHANGE.SIGNATURE_NOT_FOUND when the document has no such signature.
   */
  async signature(id: string, n: number, principal: Principal): Promise<Buffer | null> {
    await this.row(id, principal);
    const [sig] = await this.dataSource.query('SELECT cms FROM document_signatures WHERE document_id = $1 AND idx = $2', [id, n]);
    if (!sig) throw InterchangeErrors.signatureNotFound();
    return sig.cms ?? null;
  }

  /** Archived records, oldest first, after `after` (exclusive). Each record enters the feed exactly once. */
  async feed(after: bigint, limit: number): Promise<FeedPage> {
    const rows = await this.dataSource.query(
      `SELECT f.seq, ${VIEW_COLUMNS} FROM feed f JOIN documents d ON d.id = f.document_id WHERE f.seq > $1 ORDER BY f.seq LIMIT $2`,
      [after.toString(), limit + 1],
    );
    const page = rows.slice(0, limit);
    const ids = page.map((r: { id: string }) => r.id);
    const sigs = ids.length
      ? await this.dataSource.query(
          'SELECT document_id, idx, role, signer_subject, signer_certificate_sha256, signed_at FROM document_signatures WHERE document_id = ANY($1::uuid[]) ORDER BY idx',
          [ids],
        )
      : [];
    const byDocument = new Map<string, Record<string, unknown>[]>();
    for (const s of sigs as Array<Record<string, unknown> & { document_id: string }>) {
      byDocument.set(s.document_id, [...(byDocument.get(s.document_id) ?? []), s]);
    }
    const items = page.map((r: Record<string, unknown>) => ({
      cursor: String(r.seq),
      ...toDocumentView(r, byDocument.get(r.id as string) ?? []),
    }));
    return { items, nextCursor: items.length ? items[items.length - 1].cursor : after.toString(), hasMore: rows.length > limit };
  }
}
