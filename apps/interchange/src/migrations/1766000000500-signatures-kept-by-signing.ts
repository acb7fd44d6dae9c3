import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/**
 * New signatures are recorded without their bytes: signing keeps them and serves them. Rows recorded before keep
 * theirs and are served from here.
 */
export class SignaturesKeptBySigning1766000000500 implements MigrationInterface {
  name = 'SignaturesKeptBySigning1766000000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE document_signatures ALTER COLUMN cms DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query('SELECT count(*)::int AS n FROM document_signatures WHERE cms IS NULL');
    // Going back would need the bytes signing keeps; it refuses instead of losing them.
    if (n > 0) throw new Error(`${n} signatures are kept by signing only: cannot revert SignaturesKeptBySigning1766000000500`);
    await q.query('ALTER TABLE document_signatures ALTER COLUMN cms SET NOT NULL');
  }
}
