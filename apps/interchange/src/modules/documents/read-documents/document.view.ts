/** What `GET /v1/documents/{id}` answers and the feed lists. */
export interface DocumentView {
  id: string;
  type: string;
  issuerCode: string;
  /** As submitted: `{ studentId }`, or `{ className, subjectCode, term }` for a sổ điểm. */
  subject: { studentId?: string; className?: string; subjectCode?: string; term?: string };
  schoolYear: string;
  version: number;
  supersedes: string | null;
  status: 'received' | 'signing' | 'signed' | 'archived' | 'failed' | 'rejected';
  contentSha256: string;
  contentSize: number;
  submittedAt: string;
  signedAt: string | null;
  archivedAt: string | null;
  /** Why the document could not be signed, when status is `failed`. */
  failure: { code: string; message: { vi: string; en: string } } | null;
  /** The signing step the document waits for, while status is `signing`. */
  pendingStep: { step: number; role: string } | null;
  /** Who refused to sign, at which step and why, when status is `rejected`; the school may submit a new version. */
  rejection: { step: number; role: string; by: string; reason: string; at: string } | null;
  signatures: Array<{ index: number; role: string; signer: string; signerCertificateSha256: string; signedAt: string }>;
  archive: {
    bucket: string;
    key: string;
    versionId: string;
    sha256: string;
    size: number;
    retentionMode: string;
    retainUntil: string;
  } | null;
}

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

export function toDocumentView(row: Row, signatures: Row[]): DocumentView {
  return {
    id: row.id as string,
    type: row.document_type as string,
    issuerCode: row.issuer_code as string,
    subject: row.subject as DocumentView['subject'],
    schoolYear: row.school_year as string,
    version: Number(row.version),
    supersedes: (row.supersedes_id as string | null) ?? null,
    status: row.status as DocumentView['status'],
    contentSha256: row.content_sha256 as string,
    contentSize: Number(row.content_size),
    submittedAt: iso(row.submitted_at)!,
    signedAt: iso(row.signed_at),
    archivedAt: iso(row.archived_at),
    failure: row.failure_code
      ? { code: row.failure_code as string, message: { vi: row.failure_vi as string, en: row.failure_en as string } }
      : null,
    pendingStep: row.status === 'signing' && row.pending_step != null ? { step: Number(row.pending_step), role: row.pending_role as string } : null,
    rejection: row.status === 'rejected' && row.rejected_step != null
      ? { step: Number(row.rejected_step), role: row.rejected_role as string, by: row.rejected_by as string, reason: row.rejected_reason as string, at: iso(row.rejected_at)! }
      : null,
    signatures: signatures.map((s) => ({
      index: Number(s.idx),
      role: s.role as string,
      signer: s.signer_subject as string,
      signerCertificateSha256: s.signer_certificate_sha256 as string,
      signedAt: iso(s.signed_at)!,
    })),
    archive: row.archive_key
      ? {
          bucket: row.archive_bucket as string,
          key: row.archive_key as string,
          versionId: row.archive_version_id as string,
          sha256: row.archive_sha256 as string,
          size: Number(row.archive_size),
          retentionMode: row.retention_mode as string,
          retainUntil: iso(row.retain_until)!,
        }
      : null,
  };
}
