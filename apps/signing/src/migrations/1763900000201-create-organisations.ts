import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** Signing's own copy of the organisation directory, fed by identity's organisation-registered events. */
export class CreateOrganisations1763900000201 implements MigrationInterface {
  name = 'CreateOrganisations1763900000201';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisations (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL,
        status text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisations');
  }
}
