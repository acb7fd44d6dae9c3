import type { EntityManager } from '@edu/persistence';

export interface SignatureRecord {
  documentId: string;
  index: number;
  role: string;
  cms: Buffer;
  signerSubject: string;
  signerCertificateSha256: string;
  signedAt: Date;
}

/** The signatures made over each document; runs on the caller's EntityManager (the inbox transaction). */
export class SignatureRecords {
  async hasAny(em: EntityManager, documentId: string): Promise<boolean> {
    const rows = await em.query('SELECT 1 FROM signatures WHERE document_id = $1 LIMIT 1', [documentId]);
    return rows.length > 0;
  }

  async insert(em: EntityManager, s: SignatureRecord): Promise<void> {
    await em.query(
      `INSERT INTO signatures (document_id, idx, role, cms, signer_subject, signer_certificate_sha256, signed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [s.documentId, s.index, s.role, s.cms, s.signerSubject, s.signerCertificateSha256, s.signedAt],
    );
  }
}
