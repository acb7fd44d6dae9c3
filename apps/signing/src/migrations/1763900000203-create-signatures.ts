import type { MigrationInterface, QueryRunner } from '@edu/persistence';

/** Every signature made over a document, in signing order (idx from 1). */
export class CreateSignatures1763900000203 implements MigrationInterface {
  name = 'CreateSignatures1763900000203';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE signatures (
        document_id uuid NOT NULL,
        idx int NOT NULL CHECK (idx >= 1),
        role text NOT NULL,
        cms bytea NOT NULL,
        signer_subject text NOT NULL,
        signer_certificate_sha256 text NOT NULL,
        signed_at timestamptz NOT NULL,
        PRIMARY KEY (document_id, idx)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE signatures');
  }
}
