import { create } from '@bufbuild/protobuf';
import { DocumentSubmittedSchema, uuidv7 } from '@edu/contracts';
import { CmsSigner, parseCertificate, sha256Hex } from '@edu/crypto';
import { OutboxWriter } from '@edu/messaging';
import type { ObjectStore } from '@edu/storage';
import type { SigningConfig } from '../config.js';
import type { UnlockedSigner } from '../modules/custody/index.js';
import type { SealSigner, SealSigners } from '../modules/seals/seal-signers.js';
import { InstitutionSeal } from '../modules/signatures/institution-seal.js';
import { StagedContent } from '../modules/signatures/staged-content.js';
import { ApproveTasksHandler } from '../modules/workflows/approve-tasks.handler.js';
import { CancelWorkflowHandler } from '../modules/workflows/cancel-workflow.handler.js';
import { RejectTaskHandler } from '../modules/workflows/reject-task.handler.js';
import { SignerResolution } from '../modules/workflows/signer-resolution.js';
import { StartWorkflowHandler } from '../modules/workflows/start-workflow.handler.js';
import { TaskReminders } from '../modules/workflows/task-reminders.js';
import { recordingContext } from './fakes.js';
import { buildSealPki, type SealPki } from './seal-pki.js';
import {
  buildPersonPki,
  fakeDataSource,
  FakeAssignees,
  FakePersonKeys,
  FakeSignatureLevels,
  FakeSignatureRecords,
  FakeWorkflowAudit,
  FakeWorkflowStore,
  idleRelay,
} from './workflow-fakes.js';

export const ISSUER = 'THPT01';
export const YEAR = '2025-2026';
export const CLASS = '10A1';
export const PIN = '482915';

/** Key generation dominates a spec's run time: one set of certificates per spec file. */
export interface WorkflowPki {
  seal: SealPki;
  sealSigner: SealSigner;
  peopleRootPem: string;
  /** A homeroom teacher, a principal of ISSUER, a principal of another school. */
  teacher: UnlockedSigner;
  principal: UnlockedSigner;
  otherPrincipal: UnlockedSigner;
}

export function buildWorkflowPki(): WorkflowPki {
  const seal = buildSealPki();
  const summary = parseCertificate(seal.sealPem);
  const people = buildPersonPki(['Nguyen Thi Lan', 'Tran Van Hieu', 'Le Van Khac']);
  return {
    seal,
    sealSigner: {
      orgCode: ISSUER,
      keyId: 'seal-key-1',
      signer: new CmsSigner({ signerCertPem: seal.sealPem, chainPems: [seal.issuingPem, seal.rootPem], privateKey: seal.sealKey }),
      signerSubject: summary.subject,
      signerCertificateSha256: summary.fingerprintSha256,
      notAfter: summary.notAfter,
    },
    peopleRootPem: people.rootPem,
    teacher: people.signers[0],
    principal: people.signers[1],
    otherPrincipal: people.signers[2],
  };
}

/**
 * The workflows' handlers over in-memory fakes: a school (ISSUER) with a homeroom teacher for CLASS, a principal and
 * a certified seal; another school's principal. Every event lands in `ctx`'s recorded outbox statements.
 */
export function workflowWorld(pki: WorkflowPki) {
  const ctx = recordingContext();
  const ds = fakeDataSource(ctx.em);
  const store = new FakeWorkflowStore();
  const audit = new FakeWorkflowAudit();
  const assignees = new FakeAssignees();
  const records = new FakeSignatureRecords();
  const personKeys = new FakePersonKeys();
  const levels = new FakeSignatureLevels();
  const outbox = new OutboxWriter('signing');
  const config = { STAGING_BUCKET: 'edu-staging', SIGNING_TASK_DAYS: 7, SIGNING_REMINDER_HOURS: 24, SIGNING_REMINDER_INTERVAL_SECONDS: 60 } as SigningConfig;
  const staged = new Map<string, Buffer>();
  const objectStore = { get: async (_bucket: string, key: string) => staged.get(key) ?? Promise.reject(Object.assign(new Error('gone'), { code: 'NoSuchKey' })) };
  const content = new StagedContent(objectStore as unknown as ObjectStore, config);
  const seal: { active: SealSigner | null; revoked: { serialHex: string; reason: string } | null } = { active: pki.sealSigner, revoked: null };
  const sealSigners = { forOrg: async () => seal.active, revokedSeal: async () => seal.revoked } as unknown as SealSigners;

  assignees.assign({ schoolCode: ISSUER, schoolYear: YEAR, className: CLASS, subject: 'CHU_NHIEM' }, pki.teacher.personId);
  assignees.principals.set(pki.principal.personId, ISSUER);
  assignees.principals.set(pki.otherPrincipal.personId, 'THPT02');
  for (const person of [pki.teacher, pki.principal, pki.otherPrincipal]) personKeys.people.set(person.personId, { pin: PIN, signer: person });

  const handlers = {
    start: new StartWorkflowHandler(content, outbox, store, audit, new SignerResolution(assignees), records, config),
    approve: new ApproveTasksHandler(ds, store, audit, assignees, content, records, new InstitutionSeal(sealSigners), personKeys, levels, outbox, idleRelay, config),
    reject: new RejectTaskHandler(ds, store, audit, assignees, outbox, idleRelay),
    cancel: new CancelWorkflowHandler(ds, store, audit, outbox, idleRelay),
    reminders: new TaskReminders(ds, store, audit, outbox, idleRelay, config),
  };

  /** A học bạ (or another type) of a student of CLASS, its content inline or staged. */
  const submitted = (over: { documentType?: string; content?: Buffer; className?: string; supersedes?: string; sha256?: string; staged?: { bucket: string; key: string } } = {}) => {
    const bytes = over.content ?? Buffer.from(JSON.stringify({ hocSinh: 'Nguyễn Văn A', diem: 9.5, n: uuidv7() }));
    const where = over.staged ? { ...over.staged, versionId: 'v1' } : { inline: bytes };
    return create(DocumentSubmittedSchema, {
      documentId: uuidv7(),
      documentType: over.documentType ?? 'hoc-ba',
      version: over.supersedes ? 2 : 1,
      issuerCode: ISSUER,
      studentId: '3150000002',
      schoolYear: YEAR,
      className: over.className ?? CLASS,
      supersedesDocumentId: over.supersedes ?? '',
      content: { sha256: over.sha256 ?? sha256Hex(bytes), size: BigInt(bytes.length), ...where },
    });
  };

  /** Submits and returns the document id and its tasks in step order. */
  const submit = async (over: Parameters<typeof submitted>[0] = {}) => {
    const event = submitted(over);
    await handlers.start.execute(event, ctx);
    return { event, documentId: event.documentId, tasks: () => store.tasksOf(event.documentId) };
  };

  return { ctx, ds, store, audit, assignees, records, personKeys, levels, config, staged, seal, handlers, submitted, submit };
}
