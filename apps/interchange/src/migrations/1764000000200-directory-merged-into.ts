import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** The routing directory remembers which organisation took over a merged one. */
export class DirectoryMergedInto1764000000200 implements MigrationInterface {
  name = 'DirectoryMergedInto1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE directory_organisations ADD COLUMN merged_into text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE directory_organisations DROP COLUMN merged_into');
  }
}
