import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/**
 * Organisations get a lifecycle (ACTIVE → CLOSED or MERGED into another) and a history: every version with its change,
 * time and actor. Rows are never deleted, so a code once issued stays taken.
 */
export class OrganisationHistory1764000000200 implements MigrationInterface {
  name = 'OrganisationHistory1764000000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        ADD COLUMN merged_into text REFERENCES organisations (code),
        ADD COLUMN version int NOT NULL DEFAULT 1,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now(),
        ADD CONSTRAINT organisations_status_check CHECK (status IN ('ACTIVE', 'CLOSED', 'MERGED')),
        ADD CONSTRAINT organisations_merged_check CHECK ((status = 'MERGED') = (merged_into IS NOT NULL)),
        ADD CONSTRAINT organisations_level_check
          CHECK (level IN ('BO', 'SO', 'PHONG', 'MAM_NON', 'TIEU_HOC', 'THCS', 'THPT', 'LIEN_CAP', 'GDTX', 'GDNN', 'CAO_DANG'))`);
    await q.query('CREATE INDEX organisations_parent_idx ON organisations (parent_code, code)');
    await q.query('CREATE INDEX organisations_level_idx ON organisations (level, code)');
    await q.query(`
      CREATE TABLE organisation_history (
        code text NOT NULL REFERENCES organisations (code),
        version int NOT NULL,
        change text NOT NULL CHECK (change IN ('CREATED', 'UPDATED', 'MERGED', 'CLOSED')),
        name text NOT NULL,
        level text NOT NULL,
        parent_code text,
        address text,
        status text NOT NULL,
        merged_into text,
        reason text,
        actor text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (code, version)
      )`);
    await q.query(`
      INSERT INTO organisation_history (code, version, change, name, level, parent_code, address, status, actor, changed_at)
      SELECT code, 1, 'CREATED', name, level, parent_code, address, status, 'migration', created_at FROM organisations`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organisation_history');
    await q.query('DROP INDEX organisations_level_idx');
    await q.query('DROP INDEX organisations_parent_idx');
    await q.query(`
      ALTER TABLE organisations DROP CONSTRAINT organisations_level_check, DROP CONSTRAINT organisations_merged_check,
        DROP CONSTRAINT organisations_status_check, DROP COLUMN updated_at, DROP COLUMN version, DROP COLUMN merged_into`);
  }
}
