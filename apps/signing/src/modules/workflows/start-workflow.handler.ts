import { isUuid, Topics, uuidv7, type EventMeta, type EventPayload } from '@edu/contracts';
import { DomainError, isPermanent } from '@edu/errors';
import { OutboxWriter, type EventContext, type EventHandler } from '@edu/messaging';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SIGNING_CONFIG, type SigningConfig } from '../../config.js';
import { SigningErrors } from '../../signing-errors.js';
import { SignatureRecords } from '../signatures/signature-records.js';
import { StagedContent, type ContentReference } from '../signatures/staged-content.js';
import { SignerResolution } from './signer-resolution.js';
import { StepRoles, subjectCodeOf, workflowFor } from './workflow-definitions.js';
import { WorkflowAudit } from './workflow-audit.js';
import { signatureRequested, signingFailed, type Cause, type OutboxItem } from './workflow-events.js';
import { WorkflowStore } from './workflow-store.js';
import { activate, cancelWorkflow, SYSTEM_ACTOR, type AuditEntry, type SigningTask, type Workflow } from './workflow.js';

type DocumentSubmitted = EventPayload<typeof Topics.DocumentSubmitted>;
/** What the content tells the plan (a grade book's subject), read and proved outside the transaction; or why it can never be signed. */
type Prepared = { subjectCode: string | null } | DomainError;
type Incoming = { payload: DocumentSubmitted; meta: EventMeta; prepared: Prepared };

const SHA256_HEX = /^[0-9a-f]{64}$/;

/**
 * Starts the signing workflow of each submitted document: checks the content, finds its signers, creates its tasks
 * with the first one PENDING and asks for that signature (SignatureRequested). A document that cannot be signed
 * (content, type, nobody to sign) fails with DocumentSigningFailed; a new version cancels the open workflow of the one
 * it supersedes. A redelivered event, or a document seen before, changes nothing.
 */
@Injectable()
export class StartWorkflowHandler implements EventHandler<typeof Topics.DocumentSubmitted, Prepared> {
  constructor(
    @Inject(StagedContent) private readonly content: StagedContent,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(WorkflowStore) private readonly store: WorkflowStore,
    @Inject(WorkflowAudit) private readonly audit: WorkflowAudit,
    @Inject(SignerResolution) private readonly signers: SignerResolution,
    @Inject(SignatureRecords) private readonly signatures: SignatureRecords,
    @Inject(SIGNING_CONFIG) private readonly config: SigningConfig,
  ) {}

  async execute(event: DocumentSubmitted, ctx: EventContext): Promise<void> {
    await this.apply(event, ctx, await this.prepare(event));
  }

  /**
   * Outside the transaction: the content proved against its hash, and what the plan needs from it, or the permanent
   * reason it can never be signed. Only that is kept: a batch of events never holds its documents' bytes.
   */
  async prepare(event: DocumentSubmitted): Promise<Prepared> {
    const ref = checkSubmitted(event);
    try {
      const content = await this.content.read(ref);
      return { subjectCode: workflowFor(event.documentType)?.includes(StepRoles.SubjectTeacher) ? subjectCodeOf(content) : null };
    } catch (err) {
      if (err instanceof DomainError && isPermanent(err)) return err;
      throw err;
    }
  }

  async apply(event: DocumentSubmitted, ctx: EventContext, prepared: Prepared): Promise<void> {
    await this.applyBatch([{ payload: event, meta: ctx.meta, prepared }], ctx.em);
  }

  async applyBatch(events: Incoming[], em: EntityManager): Promise<void> {
    const ids = events.map((e) => (checkSubmitted(e.payload), e.payload.documentId));
    // Documents sealed before workflows existed have signatures and no workflow: they too are done.
    const seen = new Set([...(await this.store.existingAmong(em, ids)), ...(await this.signatures.signedAmong(em, ids))]);
    const todo = [...new Map(events.filter((e) => !seen.has(e.payload.documentId)).map((e) => [e.payload.documentId, e])).values()];
    if (!todo.length) return;
    // Versions of one record are handled one transaction at a time: otherwise a version and its successor, in two
    // partitions' batches at once, could each miss the other and both stay open. A record is about one student, or
    // (a sổ điểm) about one class's subject and term: locking the student or the class covers every version.
    const records = [...new Set(todo.map(({ payload: p }) => `${p.documentType}|${p.studentId || `${p.issuerCode}|${p.className}`}|${p.schoolYear}`))].sort();
    await em.query('SELECT pg_advisory_xact_lock(hashtext(k)) FROM unnest($1::text[]) AS k ORDER BY k', [records]);
    const now = new Date();
    const supersededBy = await this.store.supersededAmong(em, todo.map((e) => e.payload.documentId));
    for (const { payload } of todo) if (payload.supersedesDocumentId) supersededBy.set(payload.supersedesDocumentId, payload.documentId);
    const plans = await this.signers.plan(em, todo.flatMap(({ payload, prepared }) =>
      prepared instanceof DomainError || supersededBy.has(payload.documentId) ? [] : [{ ...payload, subjectCode: prepared.subjectCode }]));

    const workflows: Workflow[] = [];
    const tasks: SigningTask[] = [];
    const audit: AuditEntry[] = [];
    const outgoing: OutboxItem[] = [];
    for (const { payload: event, meta, prepared } of todo) {
      const cause: Cause = { correlationId: meta.correlationId, causationId: meta.eventId };
      const workflow = workflowOf(event, meta.correlationId || null);
      const entry = (action: AuditEntry['action'], detail: Record<string, unknown>, taskId: string | null = null) =>
        audit.push({ documentId: event.documentId, taskId, actor: SYSTEM_ACTOR, action, detail });
      workflows.push(workflow);
      const newer = supersededBy.get(event.documentId);
      if (newer) {
        // Its successor arrived first: the version is over before it started.
        workflow.state = 'CANCELLED';
        entry('cancelled', { reason: 'superseded', supersededBy: newer });
        outgoing.push(signingFailed(event.documentId, SigningErrors.superseded(newer), cause));
        continue;
      }
      const plan = prepared instanceof DomainError ? prepared : plans.get(event.documentId)!;
      if (plan instanceof DomainError) {
        Object.assign(workflow, { state: 'FAILED', failureCode: plan.code });
        entry('failed', { code: plan.code, reason: plan.text.en });
        outgoing.push(signingFailed(event.documentId, plan, cause));
        continue;
      }
      const steps = plan.map((p): SigningTask => ({
        taskId: uuidv7(), documentId: event.documentId, step: p.step, role: p.role, assigneePersonId: p.assigneePersonId,
        orgCode: event.issuerCode, state: 'WAITING', dueAt: null, remindedAt: null, doneAt: null, doneBy: null, reason: null,
      }));
      activate(steps[0], now, this.config.SIGNING_TASK_DAYS);
      tasks.push(...steps);
      entry('created', { steps: steps.map((t) => ({ step: t.step, role: t.role, assigneePersonId: t.assigneePersonId })) });
      entry('requested', { step: steps[0].step, role: steps[0].role, dueAt: steps[0].dueAt }, steps[0].taskId);
      outgoing.push(signatureRequested(workflow, steps[0], false, cause));
    }
    await this.store.insert(em, workflows, tasks);
    outgoing.push(...(await this.cancelSuperseded(em, todo, now, audit)));
    await this.audit.append(em, audit);
    await this.outbox.appendMany(em, outgoing);
  }

  /** The open workflows that the batch's new versions supersede stop; their signatures made so far stay. */
  private async cancelSuperseded(em: EntityManager, todo: Incoming[], now: Date, audit: AuditEntry[]): Promise<OutboxItem[]> {
    const inBatch = new Set(todo.map((e) => e.payload.documentId));
    const superseding = todo.filter((e) => e.payload.supersedesDocumentId && !inBatch.has(e.payload.supersedesDocumentId));
    const newer = new Map(superseding.map((e) => [e.payload.supersedesDocumentId, e.payload.documentId]));
    const causes = new Map(superseding.map((e) => [e.payload.supersedesDocumentId, { correlationId: e.meta.correlationId, causationId: e.meta.eventId }]));
    const open = (await this.store.lock(em, [...newer.keys()])).filter((w) => w.workflow.state === 'IN_PROGRESS');
    for (const w of open) {
      const supersededBy = newer.get(w.workflow.documentId)!;
      const cancelled = cancelWorkflow(w, `superseded by ${supersededBy}`, now);
      audit.push({ documentId: w.workflow.documentId, taskId: null, actor: SYSTEM_ACTOR, action: 'cancelled',
        detail: { reason: 'superseded', supersededBy, tasks: cancelled.map((t) => t.taskId) } });
    }
    await this.store.save(em, open);
    // Interchange shows the earlier version as failed with SIGNING.SUPERSEDED, never as signing for ever.
    return open.map((w) => signingFailed(w.workflow.documentId, SigningErrors.superseded(newer.get(w.workflow.documentId)!), causes.get(w.workflow.documentId)!));
  }
}

/** The fields every step relies on; an event without them cannot be answered and goes to the dead-letter topic. */
function checkSubmitted(event: DocumentSubmitted): ContentReference {
  if (!isUuid(event.documentId)) throw SigningErrors.eventIncomplete('documentId');
  if (!event.issuerCode) throw SigningErrors.eventIncomplete('issuerCode');
  if (!event.documentType) throw SigningErrors.eventIncomplete('documentType');
  if (event.supersedesDocumentId && !isUuid(event.supersedesDocumentId)) throw SigningErrors.eventIncomplete('supersedesDocumentId');
  const ref = event.content;
  if (!ref || (!ref.inline.length && (!ref.bucket || !ref.key))) throw SigningErrors.eventIncomplete('content');
  if (!SHA256_HEX.test(ref.sha256.toLowerCase())) throw SigningErrors.eventIncomplete('content.sha256');
  return ref;
}

function workflowOf(e: DocumentSubmitted, correlationId: string | null): Workflow {
  const c = e.content!;
  return {
    correlationId,
    documentId: e.documentId,
    documentType: e.documentType,
    version: e.version,
    issuerCode: e.issuerCode,
    studentId: e.studentId,
    schoolYear: e.schoolYear,
    className: e.className,
    supersedesDocumentId: e.supersedesDocumentId || null,
    content: { bucket: c.bucket, key: c.key, versionId: c.versionId, sha256: c.sha256.toLowerCase(), size: c.size, inline: c.inline },
    state: 'IN_PROGRESS',
    failureCode: null,
  };
}
