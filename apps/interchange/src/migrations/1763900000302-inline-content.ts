import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** Small canonical content is kept in the row (and travels inline in events) instead of being staged in MinIO. */
export class InlineContent1763900000302 implements MigrationInterface {
  name = 'InlineContent1763900000302';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE documents ADD COLUMN content bytea');
    await q.query('ALTER TABLE documents ALTER COLUMN content_bucket DROP NOT NULL, ALTER COLUMN content_key DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE documents DROP COLUMN content');
  }
}
