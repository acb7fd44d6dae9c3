import type { MigrationInterface, QueryRunner } from '@edu/persistence';

export class CreateArchiveIndex1763900000101 implements MigrationInterface {
  name = 'CreateArchiveIndex1763900000101';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE archived_documents (
        document_id uuid PRIMARY KEY,
        document_type text NOT NULL,
        issuer_code text NOT NULL,
        bucket text NOT NULL,
        object_key text NOT NULL,
        version_id text NOT NULL,
        sha256 text NOT NULL,
        size bigint NOT NULL,
        retention_mode text NOT NULL,
        retain_until timestamptz NOT NULL,
        archived_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX archived_documents_issuer_idx ON archived_documents (issuer_code, archived_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE archived_documents');
  }
}
