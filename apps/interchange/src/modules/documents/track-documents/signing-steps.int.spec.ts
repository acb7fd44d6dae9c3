import type { Principal } from '@edu/auth';
import { uuidv7, type EventPayload, type Topics } from '@edu/contracts';
import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../../../../test/support/stack.js';
import { INTERCHANGE_MIGRATIONS } from '../../../migrations/index.js';
import { DocumentRepository } from '../read-documents/document.repository.js';
import { RecordRejectedHandler } from './record-rejected.handler.js';
import { RecordSignatureRequestedHandler } from './record-signature-requested.handler.js';
import { RecordSignedHandler } from './record-signed.handler.js';

type SignatureRequested = EventPayload<typeof Topics.SignatureRequested>;

const env = stackEnv();
const school: Principal = { clientId: 'school-app', org: 'THPT01', role: 'school', scopes: ['documents:read'] };

/** How signing's steps show on a document, on the real PostgreSQL with interchange's migrations (throwaway schema). */
describe('signing steps in interchange against PostgreSQL', () => {
  const schema = `interchange_it_${randomBytes(4).toString('hex')}`;
  let ds: DataSource;
  let documents: DocumentRepository;
  let students = 0;

  const newDocument = async () => {
    const id = uuidv7();
    await ds.query(
      `INSERT INTO documents (id, document_type, issuer_code, student_id, school_year, version, status, idempotency_key, request_sha256,
         client_id, content_sha256, content_size, content, record_key, subject)
       VALUES ($1, 'hoc-ba', 'THPT01', $2, '2025-2026', 1, 'received', $3, 'r', 'school-app', 'ab', 2, '\\x7b7d', $2, jsonb_build_object('studentId', $2::text))`,
      [id, String(++students).padStart(10, '0'), `it-${id}`],
    );
    return id;
  };
  const requested = (documentId: string, step: number, role: string, reminder = false) =>
    ({ payload: { documentId, taskId: uuidv7(), documentType: 'hoc-ba', issuerCode: 'THPT01', step, role, assigneePersonId: '', dueAt: '', reminder } as SignatureRequested });
  const apply = (events: Array<{ payload: SignatureRequested }>) => ds.transaction((em) => new RecordSignatureRequestedHandler().applyBatch(events, em));

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL!, schema, migrations: INTERCHANGE_MIGRATIONS, poolSize: 2 });
    documents = new DocumentRepository(ds);
  });

  afterAll(async () => {
    if (ds?.isInitialized) {
      await ds.query(`DROP SCHEMA ${schema} CASCADE`);
      await ds.destroy();
    }
  });

  it('shows the step a document waits for, moving only forward, until it is signed', async () => {
    const id = await newDocument();
    await apply([requested(id, 1, 'homeroom-teacher')]);
    expect(await documents.view(id, school)).toMatchObject({ status: 'signing', pendingStep: { step: 1, role: 'homeroom-teacher' }, rejection: null });
    await apply([requested(id, 2, 'principal')]);
    await apply([requested(id, 1, 'homeroom-teacher'), requested(id, 2, 'principal', true)]);
    expect((await documents.view(id, school)).pendingStep).toEqual({ step: 2, role: 'principal' });
    await ds.transaction((em) => new RecordSignedHandler().applyBatch([{ payload: { documentId: id, signatures: [] } as never }], em));
    await apply([requested(id, 3, 'institution-seal')]);
    expect(await documents.view(id, school)).toMatchObject({ status: 'signed', pendingStep: null });
  });

  it('shows who rejected a document and why, and keeps it rejected', async () => {
    const id = await newDocument();
    await apply([requested(id, 1, 'homeroom-teacher')]);
    const rejectedAt = '2026-05-20T08:00:00.000Z';
    await ds.transaction((em) => new RecordRejectedHandler().applyBatch([{ payload: { documentId: id, taskId: uuidv7(), step: 1, role: 'homeroom-teacher', personId: '3100000001', reason: 'Sai điểm', rejectedAt } as never }], em));
    await apply([requested(id, 2, 'principal')]);
    expect(await documents.view(id, school)).toMatchObject({
      status: 'rejected', pendingStep: null, rejection: { step: 1, role: 'homeroom-teacher', by: '3100000001', reason: 'Sai điểm', at: rejectedAt },
    });
  });
});
