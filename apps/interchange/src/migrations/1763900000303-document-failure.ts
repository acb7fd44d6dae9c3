import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** Why a document could not be signed, shown with status `failed`. */
export class DocumentFailure1763900000303 implements MigrationInterface {
  name = 'DocumentFailure1763900000303';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE documents ADD COLUMN failure_code text, ADD COLUMN failure_vi text, ADD COLUMN failure_en text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE documents DROP COLUMN failure_code, DROP COLUMN failure_vi, DROP COLUMN failure_en');
  }
}
