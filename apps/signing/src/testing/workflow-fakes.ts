import { CmsSigner, generateRsaKeyPair, issueCertificate, parseCertificate } from '@edu/crypto';
import { OutboxRelay } from '@edu/messaging';
import type { DataSource, EntityManager } from '@edu/persistence';
import { CustodyErrors } from '../modules/custody/custody-errors.js';
import { PersonKeys, SignatureLevels, type UnlockedSigner } from '../modules/custody/index.js';
import { SignatureRecords, type SignatureRecord } from '../modules/signatures/signature-records.js';
import { Assignees, slotKey, type Assignment, type TeacherSlot } from '../modules/workflows/assignees.js';
import { WorkflowAudit, type AuditRecord } from '../modules/workflows/workflow-audit.js';
import { WorkflowStore, type OverdueTask } from '../modules/workflows/workflow-store.js';
import type { AuditEntry, SigningTask, Workflow, WorkflowWithTasks } from '../modules/workflows/workflow.js';

/** The signatures table in memory. */
export class FakeSignatureRecords extends SignatureRecords {
  readonly rows: SignatureRecord[] = [];
  override async signedAmong(_em: EntityManager, documentIds: string[]) {
    return new Set(this.rows.filter((r) => documentIds.includes(r.documentId)).map((r) => r.documentId));
  }
  override async forDocuments(_em: EntityManager, documentIds: string[]) {
    const out = new Map<string, SignatureRecord[]>();
    for (const r of [...this.rows].sort((a, b) => a.index - b.index))
      if (documentIds.includes(r.documentId)) out.set(r.documentId, [...(out.get(r.documentId) ?? []), r]);
    return out;
  }
  override async insertMany(_em: EntityManager, records: SignatureRecord[]) {
    for (const r of records)
      if (this.rows.some((x) => x.documentId === r.documentId && x.index === r.index)) throw new Error(`duplicate signature ${r.documentId}#${r.index}`);
    this.rows.push(...records);
  }
}

/**
 * Workflows and tasks in memory, same contract as the SQL store. Reads hand out copies and only `insert` and `save`
 * write, so what a handler changes without saving never shows; `locked` records every lock taken.
 */
export class FakeWorkflowStore extends WorkflowStore {
  readonly workflows = new Map<string, Workflow>();
  readonly tasks = new Map<string, SigningTask>();
  readonly locked: string[][] = [];

  override async existingAmong(_em: EntityManager, ids: string[]) {
    return new Set(ids.filter((id) => this.workflows.has(id)));
  }
  override async supersededAmong(_em: EntityManager, ids: string[]) {
    return new Map([...this.workflows.values()].filter((w) => w.supersedesDocumentId && ids.includes(w.supersedesDocumentId)).map((w) => [w.supersedesDocumentId!, w.documentId]));
  }
  override async insert(_em: EntityManager, workflows: Workflow[], tasks: SigningTask[]) {
    for (const w of workflows) {
      if (this.workflows.has(w.documentId)) throw new Error(`duplicate workflow ${w.documentId}`);
      this.workflows.set(w.documentId, { ...w });
    }
    for (const t of tasks) this.tasks.set(t.taskId, { ...t });
  }
  override async findTasks(_em: EntityManager, ids: string[]) {
    return ids.flatMap((id) => (this.tasks.has(id) ? [{ ...this.tasks.get(id)! }] : []));
  }
  override async find(_em: EntityManager, ids: string[]): Promise<WorkflowWithTasks[]> {
    return [...new Set(ids)].sort().flatMap((id) => {
      const w = this.workflows.get(id);
      return w ? [{ workflow: { ...w }, tasks: this.tasksOf(id).map((t) => ({ ...t })) }] : [];
    });
  }
  override async lock(em: EntityManager, ids: string[]) {
    this.locked.push([...new Set(ids)].sort());
    return this.find(em, ids);
  }
  override async save(_em: EntityManager, items: WorkflowWithTasks[]) {
    for (const { workflow, tasks } of items) {
      this.workflows.set(workflow.documentId, { ...workflow });
      for (const t of tasks) this.tasks.set(t.taskId, { ...t });
    }
  }
  override async lockOverdue(_em: EntityManager, now: Date, hours: number, limit: number): Promise<OverdueTask[]> {
    const quiet = now.getTime() - hours * 3_600_000;
    return [...this.tasks.values()]
      .filter((t) => t.state === 'PENDING' && t.dueAt! < now && (!t.remindedAt || t.remindedAt.getTime() <= quiet))
      .sort((a, b) => a.dueAt!.getTime() - b.dueAt!.getTime())
      .slice(0, limit)
      .map((t) => ({ ...t, documentType: this.workflows.get(t.documentId)!.documentType, issuerCode: this.workflows.get(t.documentId)!.issuerCode }));
  }
  override async markReminded(_em: EntityManager, ids: string[], at: Date) {
    for (const id of ids) this.tasks.get(id)!.remindedAt = at;
  }

  tasksOf(documentId: string): SigningTask[] {
    return [...this.tasks.values()].filter((t) => t.documentId === documentId).sort((a, b) => a.step - b.step);
  }
}

export class FakeWorkflowAudit extends WorkflowAudit {
  readonly entries: AuditEntry[] = [];
  override async append(_em: EntityManager, entries: AuditEntry[]) {
    this.entries.push(...entries);
  }
  override async trail(_em: EntityManager, documentId: string): Promise<AuditRecord[]> {
    return this.entries.filter((e) => e.documentId === documentId).map((e) => ({ ...e, at: new Date(0) }));
  }
}

/** Teacher assignments by slot, and the organisation each principal leads. */
export class FakeAssignees extends Assignees {
  readonly assigned = new Map<string, string>();
  readonly principals = new Map<string, string>();
  upserts: Assignment[][] = [];

  assign(slot: TeacherSlot, personId: string): void {
    this.assigned.set(slotKey(slot), personId);
  }
  override async upsert(_em: EntityManager, rows: Assignment[]) {
    this.upserts.push(rows);
    for (const r of rows) this.assign(r, r.personId);
  }
  override async teachers(_em: EntityManager, slots: TeacherSlot[]) {
    return new Map(slots.flatMap((s) => (this.assigned.has(slotKey(s)) ? [[slotKey(s), this.assigned.get(slotKey(s))!] as const] : [])));
  }
  override async withPrincipals(_em: EntityManager, orgCodes: string[]) {
    return new Set([...this.principals.values()].filter((org) => orgCodes.includes(org)));
  }
  override async principalOf(_em: EntityManager, personId: string) {
    return this.principals.get(personId) ?? null;
  }
}

/** People's keys behind a PIN; counts unlocks. */
export class FakePersonKeys extends PersonKeys {
  readonly people = new Map<string, { pin: string; signer: UnlockedSigner }>();
  unlocks = 0;
  override async unlock(_em: EntityManager, personId: string, pin: string): Promise<UnlockedSigner> {
    const person = this.people.get(personId);
    if (!person) throw CustodyErrors.keyMissing(personId);
    if (person.pin !== pin) throw CustodyErrors.pinWrong(2);
    this.unlocks++;
    return person.signer;
  }
}

/** B-B signatures (no time-stamp or revocation data); records each call's signer subject and number of contents. */
export class FakeSignatureLevels extends SignatureLevels {
  readonly calls: number[] = [];
  override async complete(signer: CmsSigner, digests: Buffer[], signedAt: Date): Promise<Buffer[]> {
    this.calls.push(digests.length);
    return digests.map((d) => signer.finish(signer.prepareDigest(d, signedAt)));
  }
}

/** A DataSource whose transactions run on `em` (the fakes keep their own state) and commit what they wrote. */
export function fakeDataSource(em: EntityManager): DataSource {
  return { manager: em, transaction: (work: (em: EntityManager) => Promise<unknown>) => work(em) } as unknown as DataSource;
}

export const idleRelay = { nudge: () => undefined } as unknown as OutboxRelay;

/** A CA and people's signing certificates under it: what custody would unlock. */
export function buildPersonPki(names: string[]): { rootPem: string; signers: UnlockedSigner[] } {
  const rootKeys = generateRsaKeyPair();
  const rootPem = issueCertificate({ profile: 'root-ca', subject: { commonName: 'People CA' }, publicKey: rootKeys.publicKey, issuer: { selfSigned: true, privateKey: rootKeys.privateKey } });
  const signers = names.map((name, i) => {
    const keys = generateRsaKeyPair();
    const pem = issueCertificate({ profile: 'person', subject: { commonName: name }, publicKey: keys.publicKey, issuer: { certPem: rootPem, privateKey: rootKeys.privateKey } });
    const summary = parseCertificate(pem);
    return {
      personId: `31000000${String(i + 1).padStart(2, '0')}`,
      keyId: `person-key-${i + 1}`,
      signerSubject: summary.subject,
      signerCertificateSha256: summary.fingerprintSha256,
      signer: new CmsSigner({ signerCertPem: pem, chainPems: [rootPem], privateKey: keys.privateKey }),
    };
  });
  return { rootPem, signers };
}
