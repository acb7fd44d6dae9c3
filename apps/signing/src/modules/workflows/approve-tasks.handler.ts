import { ConcurrencyLimit } from '@edu/crypto';
import { DomainError } from '@edu/errors';
import { OutboxRelay, OutboxWriter } from '@edu/messaging';
import { DataSource, type EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { SigningErrors } from '../../signing-errors.js';
import { PersonKeys, SignatureLevels } from '../custody/index.js';
import { ValidationsService } from '../validations/validations.service.js';
import { InstitutionSeal } from '../signatures/institution-seal.js';
import { SignatureRecords, type SignatureRecord } from '../signatures/signature-records.js';
import { StagedContent, type ContentReference } from '../signatures/staged-content.js';
import { Assignees } from './assignees.js';
import { checkTasks } from './signing-person.js';
import type { ApproveTasksCommand } from './task-requests.js';
import { StepRoles } from './workflow-definitions.js';
import { WorkflowAudit } from './workflow-audit.js';
import { documentSigned, signatureRequested, type OutboxItem } from './workflow-events.js';
import { WorkflowStore } from './workflow-store.js';
import { activate, pendingTask, signStep, SYSTEM_ACTOR, type AuditEntry, type SigningTask, type WorkflowState, type WorkflowWithTasks } from './workflow.js';

export interface ApprovalResult {
  approved: Array<{ taskId: string; documentId: string; step: number; role: string; signedAt: string }>;
  documents: Array<{ documentId: string; state: WorkflowState; pendingStep: { step: number; role: string } | null }>;
}

interface Step {
  w: WorkflowWithTasks;
  task: SigningTask;
}

/** One person's signatures over the steps' documents, in the steps' order. */
interface PersonSignatures {
  cms: Buffer[];
  personId: string;
  signerSubject: string;
  signerCertificateSha256: string;
  /** Made on the person's own token elsewhere and uploaded, not with a key in custody. */
  external?: boolean;
}

/** `digests`: each document's content SHA-256, by document ID. */
type MakeSignatures = (tx: EntityManager, steps: Step[], digests: Map<string, Buffer>, signedAt: Date) => Promise<PersonSignatures>;

/** What an approval writes, gathered so that each table gets one statement. */
interface Changes {
  records: SignatureRecord[];
  audit: AuditEntry[];
  outgoing: OutboxItem[];
}

/**
 * A signer approves a batch of tasks with one PIN: one signature per document, all or nothing. The tasks are locked
 * for the transaction, so a task is never signed twice. Each document then moves on: the next signer is asked, or the
 * issuer's seal is applied at once, or — after the last step — the document is announced with all its signatures.
 * A seal that cannot be used refuses the whole approval, so no document is left signed by a person and unsealed.
 */
@Injectable()
export class ApproveTasksHandler {
  /**
   * Approvals are signed and written two at a time: a batch holds its documents' signatures and events in
   * memory until it commits, and signing is CPU-bound on one thread, so waiting costs no throughput.
   */
  private readonly turns = new ConcurrencyLimit(2);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(WorkflowStore) private readonly store: WorkflowStore,
    @Inject(WorkflowAudit) private readonly audit: WorkflowAudit,
    @Inject(Assignees) private readonly assignees: Assignees,
    @Inject(StagedContent) private readonly content: StagedContent,
    @Inject(SignatureRecords) private readonly signatures: SignatureRecords,
    @Inject(InstitutionSeal) private readonly seals: InstitutionSeal,
    @Inject(PersonKeys) private readonly personKeys: PersonKeys,
    @Inject(SignatureLevels) private readonly levels: SignatureLevels,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(SIGNING_CONFIG) private readonly config: SigningConfig,
    @Inject(ValidationsService) private readonly validations: Pick<ValidationsService, 'validate'>,
  ) {}

  async execute(cmd: ApproveTasksCommand, personId: string): Promise<ApprovalResult> {
    return this.complete(cmd.taskIds, personId, async (tx, steps, digests, signedAt) => {
      const signer = await this.personKeys.unlock(tx, personId, cmd.pin, steps.map((s) => s.w.workflow.documentId));
      const cms = await this.levels.complete(signer.signer, steps.map((s) => digests.get(s.w.workflow.documentId)!), signedAt);
      return { cms, personId, signerSubject: signer.signerSubject, signerCertificateSha256: signer.signerCertificateSha256 };
    });
  }

  /**
   * A signature the person made elsewhere (a USB token) over the document's canonical bytes, accepted only when it
   * validates (integrity, chain to a trust anchor, not revoked at signing time) and its certificate is the person's.
   */
  async acceptExternal(taskId: string, cms: Buffer, personId: string): Promise<ApprovalResult> {
    const [task] = await this.store.findTasks(this.dataSource.manager, [taskId]);
    checkTasks([taskId], task ? [task] : [], { personId, principalOf: await this.assignees.principalOf(this.dataSource.manager, personId) });
    const [{ workflow }] = await this.store.find(this.dataSource.manager, [task.documentId]);
    const report = await this.validations.validate({ content: await this.content.read(workflow.content), signatures: [cms] }, [{ signerSubjectSerial: personId }]);
    const [only] = report.signatures;
    if (report.signatures.length !== 1 || only.indication !== 'PASSED' || !only.signer)
      throw SigningErrors.externalSignatureInvalid(report.signatures.length, only?.subIndication ?? only?.indication ?? 'FORMAT_FAILURE', only?.message ?? report.message);
    return this.complete([taskId], personId, async () => ({
      cms: [cms],
      personId,
      signerSubject: only.signer!.subject,
      signerCertificateSha256: only.signer!.certificateSha256,
      external: true,
    }));
  }

  /**
   * Checked once before the PIN is asked and the content read, and again under lock; `sign` makes the person's
   * signatures inside the transaction.
   */
  private complete(taskIds: string[], personId: string, sign: MakeSignatures): Promise<ApprovalResult> {
    return this.turns.run(() => this.completeNow(taskIds, personId, sign));
  }

  private async completeNow(taskIds: string[], personId: string, sign: MakeSignatures): Promise<ApprovalResult> {
    const em = this.dataSource.manager;
    const person = { personId, principalOf: await this.assignees.principalOf(em, personId) };
    const found = await this.store.findTasks(em, taskIds);
    checkTasks(taskIds, found, person);
    const { digests, contents } = await this.readContents(em, found.map((t) => t.documentId));
    const result = await this.dataSource.transaction(async (tx) => {
      const wanted = new Set(taskIds);
      const locked = await this.store.lock(tx, found.map((t) => t.documentId), contents);
      const steps = locked.flatMap((w) => w.tasks.filter((t) => wanted.has(t.taskId)).map((task) => ({ w, task })));
      checkTasks(taskIds, steps.map((s) => s.task), person);
      const signedAt = wholeSecond(new Date());
      const made = await sign(tx, steps, digests, signedAt);
      const changes: Changes = { records: [], audit: [], outgoing: [] };
      const toSeal = this.signSteps(steps, made, signedAt, changes);
      await this.seal(tx, toSeal, digests, signedAt, personId, changes);
      await this.announceSigned(tx, locked.filter((w) => w.workflow.state === 'SIGNED'), changes);
      await this.signatures.insertMany(tx, changes.records);
      await this.store.save(tx, locked);
      await this.audit.append(tx, changes.audit);
      await this.outbox.appendMany(tx, changes.outgoing);
      return resultOf(steps, signedAt);
    });
    this.relay.nudge();
    return result;
  }

  /** Records the person's signatures and moves each document on; returns the steps whose next step is the seal. */
  private signSteps(steps: Step[], signer: PersonSignatures, signedAt: Date, changes: Changes): Step[] {
    const { cms, signerSubject, signerCertificateSha256 } = signer;
    const toSeal: Step[] = [];
    steps.forEach(({ w, task }, i) => {
      changes.records.push({ documentId: task.documentId, index: task.step, role: task.role, signerSubject, signerCertificateSha256, cms: cms[i], signedAt });
      changes.audit.push({ documentId: task.documentId, taskId: task.taskId, actor: signer.personId, action: 'approved',
        detail: { step: task.step, role: task.role, signerSubject, signerCertificateSha256, ...(signer.external ? { external: true } : {}) } });
      const next = signStep(w, task.taskId, signer.personId, signedAt);
      if (next?.role === StepRoles.InstitutionSeal) toSeal.push({ w, task: next });
      else if (next) {
        activate(next, signedAt, this.config.SIGNING_TASK_DAYS);
        changes.audit.push({ documentId: task.documentId, taskId: next.taskId, actor: SYSTEM_ACTOR, action: 'requested', detail: { step: next.step, role: next.role, dueAt: next.dueAt } });
        changes.outgoing.push(signatureRequested(w.workflow, next, false));
      }
    });
    return toSeal;
  }

  /**
   * DocumentSigned for each finished workflow, with every signature in order: earlier steps' from the table (read
   * before this approval's are inserted), this approval's from memory.
   */
  private async announceSigned(em: EntityManager, done: WorkflowWithTasks[], changes: Changes): Promise<void> {
    const earlier = await this.signatures.forDocuments(em, done.map((w) => w.workflow.documentId));
    const made = Map.groupBy(changes.records, (r) => r.documentId);
    for (const { workflow } of done) {
      const signatures = [...(earlier.get(workflow.documentId) ?? []), ...(made.get(workflow.documentId) ?? [])].sort((a, b) => a.index - b.index);
      changes.audit.push({ documentId: workflow.documentId, taskId: null, actor: SYSTEM_ACTOR, action: 'signed', detail: { signatures: signatures.length } });
      changes.outgoing.push(documentSigned(workflow, signatures));
    }
  }

  /**
   * Each document's content digest, once its canonical bytes are read again and proved against the hash it was
   * submitted with, and its content reference for the locked read. Bytes fetched from storage are not kept: an approval
   * of 200 contracts with 8 MiB PDFs holds one at a time; inline content (≤ 256 KiB) is kept for document-signed.
   */
  private async readContents(em: EntityManager, documentIds: string[]): Promise<{ digests: Map<string, Buffer>; contents: Map<string, ContentReference> }> {
    const digests = new Map<string, Buffer>();
    const contents = new Map<string, ContentReference>();
    for (const { workflow } of await this.store.find(em, documentIds)) {
      digests.set(workflow.documentId, await this.content.digest(workflow.content));
      contents.set(workflow.documentId, workflow.content);
    }
    return { digests, contents };
  }

  /** The issuer's seal over each document whose next step is the seal, with one SignatureLevels call per issuer. */
  private async seal(em: EntityManager, steps: Step[], digests: Map<string, Buffer>, signedAt: Date, by: string, changes: Changes): Promise<void> {
    for (const [issuerCode, group] of Map.groupBy(steps, (s) => s.w.workflow.issuerCode)) {
      const seal = await this.seals.of(em, issuerCode).catch((err) => Promise.reject(asRefusal(err)));
      const cms = await this.levels.complete(seal.signer, group.map((s) => digests.get(s.w.workflow.documentId)!), signedAt);
      group.forEach(({ w, task }, i) => {
        activate(task, signedAt, 0);
        signStep(w, task.taskId, `seal:${seal.keyId}`, signedAt);
        changes.records.push({ documentId: task.documentId, index: task.step, role: task.role, cms: cms[i], signerSubject: seal.signerSubject, signerCertificateSha256: seal.signerCertificateSha256, signedAt });
        changes.audit.push({ documentId: task.documentId, taskId: task.taskId, actor: SYSTEM_ACTOR, action: 'sealed',
          detail: { keyId: seal.keyId, signerSubject: seal.signerSubject, approvedBy: by } });
      });
    }
  }
}

/**
 * On a Kafka consumer a seal that is not ready is retried; here a person is waiting, so it refuses the approval (409)
 * under the same stable code, and they approve again once the seal is ready.
 */
function asRefusal(err: unknown): unknown {
  return err instanceof DomainError && err.kind === 'unavailable' ? new DomainError(err.code, 'conflict', err.text, err.field) : err;
}

/** CMS signingTime holds whole seconds; recording the same instant keeps the rows and the signatures in agreement. */
const wholeSecond = (d: Date) => new Date(Math.floor(d.getTime() / 1000) * 1000);

function resultOf(steps: Step[], signedAt: Date): ApprovalResult {
  return {
    approved: steps.map(({ task }) => ({ taskId: task.taskId, documentId: task.documentId, step: task.step, role: task.role, signedAt: signedAt.toISOString() })),
    documents: steps.map(({ w }) => {
      const pending = pendingTask(w);
      return { documentId: w.workflow.documentId, state: w.workflow.state, pendingStep: pending ? { step: pending.step, role: pending.role } : null };
    }),
  };
}
