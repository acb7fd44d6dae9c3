import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** CAdES signatures barely compress (certificates, signatures, digests): stored as they are, out of line. */
export class SignaturesUncompressed1766000000100 implements MigrationInterface {
  name = 'SignaturesUncompressed1766000000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE signatures ALTER COLUMN cms SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE signatures ALTER COLUMN cms SET STORAGE EXTENDED');
  }
}
