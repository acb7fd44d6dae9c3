import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox payloads are stored uncompressed: a row lives until the relay publishes it (well under a second), and the
 * large ones (signed records with their CAdES signatures) barely compress, so PostgreSQL's attempt was wasted CPU.
 */
export class OutboxPayloadUncompressed1766000000000 implements MigrationInterface {
  name = 'OutboxPayloadUncompressed1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ALTER COLUMN payload SET STORAGE EXTERNAL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE outbox ALTER COLUMN payload SET STORAGE EXTENDED');
  }
}
