import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** CAdES signatures barely compress (certificates, signatures, digests): stored as they are, out of line. */
export class DocumentSignaturesUncompressed1766000000300 implements MigrationInterface {
  name = 'DocumentSignaturesUncompressed1766000000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE document_signatures ALTER COLUMN cms SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE document_signatures ALTER COLUMN cms SET STORAGE EXTENDED');
  }
}
