import { insertRows, type EntityManager } from '@edu/persistence';

export interface SignatureRecord {
  documentId: string;
  index: number;
  role: string;
  cms: Buffer;
  signerSubject: string;
  signerCertificateSha256: string;
  signedAt: Date;
}

const SIGNATURE_COLUMNS: Array<[string, string]> = [
  ['document_id', 'uuid'], ['idx', 'int'], ['role', 'text'], ['cms', 'bytea'], ['signer_subject', 'text'], ['signer_certificate_sha256', 'text'], ['signed_at', 'timestamptz'],
];

/** The signatures made over each document; runs on the caller's EntityManager (the inbox transaction). */
export class SignatureRecords {
  /** The documents among `documentIds` that already carry a signature. */
  async signedAmong(em: EntityManager, documentIds: string[]): Promise<Set<string>> {
    if (!documentIds.length) return new Set();
    const rows: Array<{ document_id: string }> = await em.query(
      'SELECT DISTINCT document_id FROM signatures WHERE document_id = ANY($1::uuid[])',
      [documentIds],
    );
    return new Set(rows.map((r) => r.document_id));
  }

  /** Every signature of the documents, in signing order, grouped by document. */
  async forDocuments(em: EntityManager, documentIds: string[]): Promise<Map<string, SignatureRecord[]>> {
    const out = new Map<string, SignatureRecord[]>();
    if (!documentIds.length) return out;
    const rows: Array<Record<string, unknown>> = await em.query(
      `SELECT document_id, idx, role, cms, signer_subject, signer_certificate_sha256, signed_at FROM signatures
       WHERE document_id = ANY($1::uuid[]) ORDER BY document_id, idx`,
      [documentIds],
    );
    for (const r of rows) {
      const id = r.document_id as string;
      out.set(id, [...(out.get(id) ?? []), {
        documentId: id,
        index: Number(r.idx),
        role: r.role as string,
        cms: r.cms as Buffer,
        signerSubject: r.signer_subject as string,
        signerCertificateSha256: r.signer_certificate_sha256 as string,
        signedAt: new Date(r.signed_at as string),
      }]);
    }
    return out;
  }

  /** One signature's DER and the issuer of the document it covers, or null when there is none. */
  async one(em: EntityManager, documentId: string, index: number): Promise<{ cms: Buffer; issuerCode: string } | null> {
    const [row]: Array<{ cms: Buffer; issuer_code: string }> = await em.query(
      `SELECT s.cms, w.issuer_code FROM signatures s JOIN workflows w ON w.document_id = s.document_id
       WHERE s.document_id = $1 AND s.idx = $2`,
      [documentId, index],
    );
    return row ? { cms: row.cms, issuerCode: row.issuer_code } : null;
  }

  async insertMany(em: EntityManager, records: SignatureRecord[]): Promise<void> {
    await insertRows(em, 'signatures', SIGNATURE_COLUMNS, records.map((s) => [s.documentId, s.index, s.role, s.cms, s.signerSubject, s.signerCertificateSha256, s.signedAt]));
  }
}
