import { create } from '@bufbuild/protobuf';
import { DocumentSignedSchema, Topics, uuidv7 } from '@edu/contracts';
import { OutboxWriter } from '@edu/messaging';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { ObjectStore } from '@edu/storage';
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../test/support/stack.js';
import { loadConfig } from '@edu/config';
import { archivingConfigSchema } from './config.js';
import { ARCHIVING_MIGRATIONS } from './migrations/index.js';
import { ArchiveDocumentHandler } from './modules/archive/archive-document.handler.js';

/** The archive step against the real MinIO object-lock bucket and PostgreSQL (throwaway schema), without Kafka. */
describe('archiving against MinIO and PostgreSQL', () => {
  const env = stackEnv();
  const schema = `itest_archiving_${randomUUID().slice(0, 8)}`;
  const config = loadConfig(archivingConfigSchema, { ...env, RETENTION_DAYS_HOC_BA: '1' });
  const store = new ObjectStore({ endPoint: config.MINIO_ENDPOINT, port: config.MINIO_PORT, accessKey: config.MINIO_ACCESS_KEY, secretKey: config.MINIO_SECRET_KEY });
  const handler = new ArchiveDocumentHandler(store, new OutboxWriter('archiving'), config);
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: ARCHIVING_MIGRATIONS, poolSize: 2 });
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('stores one locked container per document however often the step runs, then indexes and announces it once', async () => {
    const content = Buffer.from('{"hocSinh":"Trần Thị B"}');
    const event = create(DocumentSignedSchema, {
      documentId: uuidv7(),
      documentType: 'hoc-ba',
      version: 1,
      issuerCode: 'itest',
      studentId: '3100000001',
      schoolYear: '2026-2027',
      content: { sha256: createHash('sha256').update(content).digest('hex'), size: BigInt(content.length), inline: content },
      signatures: [{ index: 1, role: 'institution-seal', signerSubject: 'CN=x', signerCertificateSha256: 'ab', cms: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x01]), signedAt: '2026-11-23T00:00:00.000Z' }],
    });
    const meta = { eventId: uuidv7(), type: Topics.DocumentSigned, occurredAt: new Date(), correlationId: 'c', causationId: '', producer: 'itest' };
    const first = await handler.prepare(event, meta);
    const repeat = await handler.prepare(event, meta);
    expect(repeat.versionId).toBe(first.versionId);
    expect((await store.listVersions(first.bucket, first.key)).filter((v) => v.key === first.key)).toHaveLength(1);
    const retention = await store.getRetention(first.bucket, first.key, first.versionId);
    expect(retention?.mode).toBe('COMPLIANCE');
    expect(retention!.retainUntil.getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    // What the index will record is what the server holds, for the first write and for the repeat that read it back.
    expect(first.retainUntil.toISOString()).toBe(retention!.retainUntil.toISOString());
    expect(repeat.retainUntil.toISOString()).toBe(retention!.retainUntil.toISOString());
    const container = await store.get(first.bucket, first.key, first.versionId);
    expect(createHash('sha256').update(container).digest('hex')).toBe(first.sha256);

    await ds.transaction((em) => handler.applyBatch([{ payload: event, meta, prepared: first }], em));
    await ds.transaction((em) => handler.applyBatch([{ payload: event, meta, prepared: repeat }], em));
    expect(await ds.query('SELECT version_id, retention_mode FROM archived_documents')).toEqual([{ version_id: first.versionId, retention_mode: 'COMPLIANCE' }]);
    expect(await ds.query('SELECT topic, key FROM outbox')).toEqual([{ topic: Topics.DocumentArchived, key: event.documentId }]);
  });
});
