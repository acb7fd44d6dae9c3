import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** The signing step a document waits for (status `signing`), and who refused it and why (status `rejected`). */
export class SigningSteps1765000000600 implements MigrationInterface {
  name = 'SigningSteps1765000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN pending_step int, ADD COLUMN pending_role text,
      ADD COLUMN rejected_step int, ADD COLUMN rejected_role text, ADD COLUMN rejected_by text, ADD COLUMN rejected_reason text,
      ADD COLUMN rejected_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents DROP COLUMN pending_step, DROP COLUMN pending_role, DROP COLUMN rejected_step,
      DROP COLUMN rejected_role, DROP COLUMN rejected_by, DROP COLUMN rejected_reason, DROP COLUMN rejected_at`);
  }
}
