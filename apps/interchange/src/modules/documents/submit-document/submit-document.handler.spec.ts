import { decodeEvent, Topics } from '@edu/contracts';
import { sha256Hex } from '@edu/crypto';
import { OutboxWriter, type OutboxRelay } from '@edu/messaging';
import type { DataSource, EntityManager } from '@edu/persistence';
import type { ObjectStore } from '@edu/storage';
import { describe, expect, it } from 'vitest';
import type { InterchangeConfig } from '../../../config.js';
import type { DirectoryRepository } from '../../directory/directory.repository.js';
import type { SubmitDocumentCommand } from './submit-document.command.js';
import { SubmitDocumentHandler } from './submit-document.handler.js';
import { attachmentOf, examplePdf } from '../domain/example-pdf.js';

const content = Buffer.from('{"className":"10A1"}');
const command = {
  idempotencyKey: 'k1', clientId: 'school-app', type: 'hoc-ba', issuerCode: 'THPT01', schoolYear: '2025-2026', studentId: '3150000002',
  canonicalContent: content, contentSha256: sha256Hex(content), requestSha256: 'r1', attachments: [],
} as unknown as SubmitDocumentCommand;

const pdf = examplePdf(['HOA DON']);
const invoice = {
  ...command, type: 'hoa-don', studentId: null, className: null, aboutItself: true, recordKey: 'THPT01|2|C25TAA|7', subject: {},
  attachments: [{ field: 'content.attachment', ...attachmentOf('a.pdf', pdf) }],
} as unknown as SubmitDocumentCommand;

const gradeBook = {
  ...command, type: 'so-diem', studentId: null, className: '10A1', recordKey: 'THPT01|10A1|TOAN|hk1',
  subject: { className: '10A1', subjectCode: 'TOAN', term: 'hk1' },
  listedStudents: [{ studentId: '3150000002', field: 'content.students[0].studentId' }, { studentId: '3150000003', field: 'content.students[1].studentId' }],
} as unknown as SubmitDocumentCommand;

/**
 * What the fake database answers: `inserts` in turn for each document insert (written, the key used already, or an
 * error thrown), `latest` in turn for each read of the record's latest version, `earlier` for a key.
 */
interface FakeRows {
  inserts?: Array<'written' | 'key used' | Error>;
  latest?: Array<{ id: string; version: number }>;
  earlier?: { id: string; status: string; version: number; request_sha256: string };
}

function handlerWith(className: string | null, roster: string[] = [], rows: FakeRows = {}) {
  const outbox: Buffer[] = [];
  const inserts = [...(rows.inserts ?? [])];
  const latest = [...(rows.latest ?? [])];
  const em = {
    query: async (q: string | { text: string }, params: unknown[]) => {
      const text = typeof q === 'string' ? q : q.text; // a prepared statement arrives as { name, text }
      if (text.startsWith('WITH written AS (INSERT INTO documents')) {
        const next = inserts.shift() ?? 'written';
        if (next instanceof Error) throw next;
        if (next === 'key used') return [];
        // The event's outbox row is the statement's last five parameters: id, topic, key, payload, headers.
        outbox.push(params[params.length - 2] as Buffer);
        return [{ id: params[0] }];
      }
      if (text.includes('ORDER BY version DESC')) return latest.length ? [latest.shift()] : [];
      if (text.includes('idempotency_key = $2')) return rows.earlier ? [rows.earlier] : [];
      return [];
    },
  } as unknown as EntityManager;
  const dataSource = { manager: em, query: em.query } as unknown as DataSource;
  const directory = {
    issuer: async () => ({ code: 'THPT01', level: 'THPT', status: 'ACTIVE', mergedInto: null }),
    enrolledClass: async () => className,
    classRoster: async () => roster,
  } as unknown as DirectoryRepository;
  const handler = new SubmitDocumentHandler(dataSource, {} as ObjectStore, new OutboxWriter('interchange'), { nudge: () => undefined } as unknown as OutboxRelay,
    directory, { INLINE_CONTENT_MAX: 256 * 1024 } as InterchangeConfig);
  return { handler, outbox };
}

describe('SubmitDocumentHandler', () => {
  it('tells signing the student\'s class that year, from the directory', async () => {
    const { handler, outbox } = handlerWith('10A1');
    const receipt = await handler.execute(command);
    const [event] = outbox.map((bytes) => decodeEvent(Topics.DocumentSubmitted, bytes));
    expect(event.payload).toMatchObject({ documentId: receipt.id, className: '10A1', issuerCode: 'THPT01', schoolYear: '2025-2026', studentId: '3150000002' });
  });

  it('refuses a student not enrolled at the school that year', async () => {
    const { handler, outbox } = handlerWith(null);
    await expect(handler.execute(command)).rejects.toMatchObject({ code: 'INTERCHANGE.UNKNOWN_STUDENT' });
    expect(outbox).toHaveLength(0);
  });

  it('takes a grade book whose every listed student is in the class, and names the class, not a student', async () => {
    const { handler, outbox } = handlerWith(null, ['3150000001', '3150000002', '3150000003']);
    const receipt = await handler.execute(gradeBook);
    const [event] = outbox.map((bytes) => decodeEvent(Topics.DocumentSubmitted, bytes));
    expect(event.payload).toMatchObject({ documentId: receipt.id, documentType: 'so-diem', className: '10A1', studentId: '' });
  });

  it('refuses a grade book listing a student of another class, at that row, and one for a class the school lacks', async () => {
    const stranger = handlerWith(null, ['3150000001', '3150000002']);
    await expect(stranger.handler.execute(gradeBook)).rejects.toMatchObject({ code: 'INTERCHANGE.UNKNOWN_STUDENT', field: 'content.students[1].studentId' });
    const nowhere = handlerWith(null, []);
    await expect(nowhere.handler.execute(gradeBook)).rejects.toMatchObject({ code: 'INTERCHANGE.UNKNOWN_CLASS', field: 'subject.className' });
    expect([...stranger.outbox, ...nowhere.outbox]).toHaveLength(0);
  });

  it('takes an invoice with its PDF, for no student or class', async () => {
    const { handler, outbox } = handlerWith(null);
    const receipt = await handler.execute(invoice);
    const [event] = outbox.map((bytes) => decodeEvent(Topics.DocumentSubmitted, bytes));
    expect(event.payload).toMatchObject({ documentId: receipt.id, documentType: 'hoa-don', className: '', studentId: '' });
  });

  it('refuses an invoice whose PDF is not the one declared, before anything is written', async () => {
    const { handler, outbox } = handlerWith(null);
    const [attachment] = (invoice as unknown as { attachments: Array<{ size: number }> }).attachments;
    await expect(handler.execute({ ...invoice, attachments: [{ ...attachment, size: attachment.size - 1 }] } as unknown as SubmitDocumentCommand))
      .rejects.toMatchObject({ code: 'INTERCHANGE.ATTACHMENT_INVALID', field: 'content.attachment.size' });
    expect(outbox).toHaveLength(0);
  });

  it('counts again when another version of the same record took the number first', async () => {
    const race = Object.assign(new Error('duplicate key'), { code: '23505', constraint: 'documents_record_version_key' });
    const { handler, outbox } = handlerWith('10A1', [], {
      inserts: [race, race, 'written'],
      latest: [{ id: 'v1', version: 1 }, { id: 'v2', version: 2 }, { id: 'v2', version: 2 }],
    });
    expect(await handler.execute(command)).toMatchObject({ version: 3, replayed: false });
    expect(outbox.map((bytes) => decodeEvent(Topics.DocumentSubmitted, bytes).payload)).toEqual([expect.objectContaining({ version: 3, supersedesDocumentId: 'v2' })]);
  });

  it('answers a replay as the first time even when the student has left the school since', async () => {
    const earlier = { id: 'd1', status: 'archived', version: 1, request_sha256: 'r1' };
    const { handler, outbox } = handlerWith(null, [], { earlier });
    expect(await handler.execute(command)).toEqual({ id: 'd1', status: 'archived', version: 1, replayed: true });
    expect(outbox).toHaveLength(0);
  });

  it('answers a key already used, found by the insert, as the earlier submission or a conflict', async () => {
    const used = handlerWith('10A1', [], { inserts: ['key used'], earlier: { id: 'd1', status: 'signing', version: 1, request_sha256: 'r1' } });
    expect(await used.handler.execute(command)).toMatchObject({ id: 'd1', replayed: true });
    const other = handlerWith('10A1', [], { inserts: ['key used'], earlier: { id: 'd1', status: 'signing', version: 1, request_sha256: 'another body' } });
    await expect(other.handler.execute(command)).rejects.toMatchObject({ code: 'INTERCHANGE.IDEMPOTENCY_CONFLICT' });
    expect([...used.outbox, ...other.outbox]).toHaveLength(0);
  });
});
