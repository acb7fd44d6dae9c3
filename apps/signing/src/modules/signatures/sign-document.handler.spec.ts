import { create } from '@bufbuild/protobuf';
import { DocumentSubmittedSchema, Topics } from '@edu/contracts';
import { CmsSigner, parseCertificate, sha256Hex, verifyDetachedCms } from '@edu/crypto';
import { isPermanent } from '@edu/errors';
import { OutboxWriter } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import type { ObjectStore } from '@edu/storage';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SigningConfig } from '../../config.js';
import { outboxEvents, recordingContext } from '../../testing/fakes.js';
import { buildSealPki } from '../../testing/seal-pki.js';
import type { SealSigner, SealSigners } from '../seals/seal-signers.js';
import { SignDocumentHandler } from './sign-document.handler.js';
import { SignatureRecords, type SignatureRecord } from './signature-records.js';

class FakeSignatureRecords extends SignatureRecords {
  readonly rows: SignatureRecord[] = [];
  override async signedAmong(_em: EntityManager, documentIds: string[]) {
    return new Set(this.rows.filter((r) => documentIds.includes(r.documentId)).map((r) => r.documentId));
  }
  override async insertMany(_em: EntityManager, records: SignatureRecord[]) {
    this.rows.push(...records);
  }
}

const content = Buffer.from('{"hocSinh":"Nguyễn Văn A","diem":9.5}');
const documentId = '0199a000-0000-7000-8000-0000000000aa';
const submitted = (over: { sha256?: string; bucket?: string; documentId?: string } = {}) =>
  create(DocumentSubmittedSchema, {
    documentId: over.documentId ?? documentId,
    documentType: 'hoc-ba',
    version: 1,
    issuerCode: 'THPT01',
    studentId: 'HS001',
    schoolYear: '2025-2026',
    content: { bucket: over.bucket ?? 'edu-staging', key: 'hoc-ba/x.json', sha256: over.sha256 ?? sha256Hex(content), size: BigInt(content.length), versionId: 'v1' },
  });

describe('SignDocumentHandler', () => {
  const pki = buildSealPki();
  const summary = parseCertificate(pki.sealPem);
  const seal: SealSigner = {
    orgCode: 'THPT01',
    keyId: 'k1',
    signer: new CmsSigner({ signerCertPem: pki.sealPem, chainPems: [pki.issuingPem, pki.rootPem], privateKey: pki.sealKey }),
    signerSubject: summary.subject,
    signerCertificateSha256: summary.fingerprintSha256,
    notAfter: summary.notAfter,
  };
  let active: SealSigner | null;
  let revoked: { serialHex: string; reason: string } | null;
  let records: FakeSignatureRecords;
  let reads: number;
  let handler: SignDocumentHandler;

  beforeEach(() => {
    active = seal;
    revoked = null;
    reads = 0;
    records = new FakeSignatureRecords();
    const store = { get: async () => (reads++, content) } as unknown as ObjectStore;
    const signers = { forOrg: async () => active, revokedSeal: async () => revoked } as unknown as SealSigners;
    const config = { STAGING_BUCKET: 'edu-staging' } as SigningConfig;
    handler = new SignDocumentHandler(store, new OutboxWriter('signing'), signers, records, config);
  });

  it('seals the staged content and announces the document with its signature', async () => {
    const ctx = recordingContext();
    await handler.execute(submitted(), ctx);
    const [event] = outboxEvents(ctx, Topics.DocumentSigned);
    expect(event.key).toBe(documentId);
    expect(event.payload).toMatchObject({ documentId, documentType: 'hoc-ba', version: 1, issuerCode: 'THPT01', studentId: 'HS001', schoolYear: '2025-2026' });
    expect(event.payload.content).toMatchObject({ bucket: 'edu-staging', key: 'hoc-ba/x.json', sha256: sha256Hex(content), versionId: 'v1' });
    const [sig] = event.payload.signatures;
    expect(sig).toMatchObject({ index: 1, role: 'institution-seal', signerSubject: summary.subject, signerCertificateSha256: summary.fingerprintSha256 });
    expect(sig.signedAt).toBe(records.rows[0].signedAt.toISOString());
    const verified = await verifyDetachedCms({ content, cms: Buffer.from(sig.cms), trustedCaPems: [pki.rootPem] });
    expect(verified).toMatchObject({ valid: true, signerSubject: summary.subject });
    expect(verified.signingTime?.toISOString()).toBe(sig.signedAt);
  });

  it('does nothing for a document it already signed', async () => {
    await handler.execute(submitted(), recordingContext());
    const ctx = recordingContext();
    await handler.execute(submitted(), ctx);
    expect(records.rows).toHaveLength(1);
    expect(ctx.sql).toHaveLength(0);
    // prepare() reads the content before the transaction; the inbox keeps redeliveries from getting this far.
    expect(reads).toBe(2);
  });

  it('waits, transiently, for a seal that is not certified yet, and signs nothing', async () => {
    active = null;
    const err = await handler.execute(submitted(), recordingContext()).catch((e) => e);
    expect(err.code).toBe('SIGNING.SEAL_NOT_READY');
    expect(isPermanent(err)).toBe(false);
    expect(records.rows).toHaveLength(0);
  });

  it('refuses, permanently and with the reason, documents of an institution whose seal was revoked', async () => {
    active = null;
    revoked = { serialHex: '0a', reason: 'keyCompromise' };
    const ctx = recordingContext();
    await handler.execute(submitted(), ctx);
    expect(records.rows).toHaveLength(0);
    const [failed] = outboxEvents(ctx, Topics.DocumentSigningFailed);
    expect(failed.payload).toMatchObject({ documentId, code: 'SIGNING.SEAL_REVOKED' });
    expect(failed.payload.reasonVi).toContain('thu hồi');
    expect(failed.payload.reasonEn).toContain('keyCompromise');
  });

  it('signs nothing for content that does not match its hash, and tells the school why', async () => {
    const ctx = recordingContext();
    await handler.execute(submitted({ sha256: 'a'.repeat(64) }), ctx);
    expect(records.rows).toHaveLength(0);
    expect(outboxEvents(ctx, Topics.DocumentSigned)).toHaveLength(0);
    const [failed] = outboxEvents(ctx, Topics.DocumentSigningFailed);
    expect(failed.key).toBe(documentId);
    expect(failed.payload).toMatchObject({ documentId, code: 'SIGNING.CONTENT_MISMATCH' });
    expect(failed.payload.reasonVi.length).toBeGreaterThan(0);
    expect(failed.payload.reasonEn.length).toBeGreaterThan(0);
  });

  it('signs inline content without reading object storage, and refuses inline bytes that do not match the hash', async () => {
    const inline = create(DocumentSubmittedSchema, { ...submitted(), content: { sha256: sha256Hex(content), size: BigInt(content.length), inline: content } });
    await handler.execute(inline, recordingContext());
    expect(reads).toBe(0);
    expect(records.rows).toHaveLength(1);
    const tampered = create(DocumentSubmittedSchema, {
      ...submitted({ documentId: '0199a000-0000-7000-8000-0000000000bb' }),
      content: { sha256: sha256Hex(content), size: BigInt(content.length), inline: Buffer.from('{"diem":10}') },
    });
    const ctx = recordingContext();
    await handler.execute(tampered, ctx);
    expect(outboxEvents(ctx, Topics.DocumentSigningFailed)[0].payload.code).toBe('SIGNING.CONTENT_MISMATCH');
  });

  it('seals a batch with one statement each for signatures and events, reporting the one it cannot sign', async () => {
    const ctx = recordingContext();
    const good = submitted({ documentId: '0199a000-0000-7000-8000-0000000000c1' });
    const bad = submitted({ documentId: '0199a000-0000-7000-8000-0000000000c2', sha256: 'b'.repeat(64) });
    const batch = [good, bad].map((payload) => ({ payload, meta: ctx.meta }));
    const prepared = await Promise.all(batch.map((e) => handler.prepare(e.payload)));
    await handler.applyBatch(batch.map((e, i) => ({ ...e, prepared: prepared[i] })), ctx.em);
    expect(records.rows.map((r) => r.documentId)).toEqual([good.documentId]);
    expect(outboxEvents(ctx, Topics.DocumentSigned).map((e) => e.key)).toEqual([good.documentId]);
    expect(outboxEvents(ctx, Topics.DocumentSigningFailed).map((e) => e.key)).toEqual([bad.documentId]);
    expect(ctx.sql.filter((q) => q.text.startsWith('INSERT INTO outbox'))).toHaveLength(1);
  });

  it('dead-letters incomplete events, and fails content outside the staging bucket', async () => {
    for (const event of [submitted({ documentId: '' }), submitted({ sha256: '' })]) {
      const err = await handler.execute(event, recordingContext()).catch((e) => e);
      expect(err.code).toBe('SIGNING.EVENT_INCOMPLETE');
      expect(isPermanent(err)).toBe(true);
    }
    const ctx = recordingContext();
    await handler.execute(submitted({ bucket: 'edu-archive' }), ctx);
    expect(outboxEvents(ctx, Topics.DocumentSigningFailed)[0].payload.code).toBe('SIGNING.CONTENT_OUTSIDE_STAGING');
  });
});
