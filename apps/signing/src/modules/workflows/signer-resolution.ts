import { DomainError } from '@edu/errors';
import type { EntityManager } from '@edu/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { SigningErrors } from '../../signing-errors.js';
import { Assignees, slotKey, type TeacherSlot } from './assignees.js';
import { HOMEROOM_SUBJECT, isPrincipalStep, isTeacherStep, StepRoles, workflowFor, type StepRole } from './workflow-definitions.js';

/** What a submitted document tells about who must sign it. */
export interface Submission {
  documentId: string;
  documentType: string;
  issuerCode: string;
  schoolYear: string;
  className: string;
  /** A grade book's subject, read from its content (subjectCodeOf); null for other documents. */
  subjectCode: string | null;
}

export interface PlannedStep {
  step: number;
  role: StepRole;
  /** The assigned teacher; null for a principal's step (any ACTIVE principal of the issuer) and the seal. */
  assigneePersonId: string | null;
}

/**
 * Turns a document type's signers into steps with people: the homeroom teacher of the student's class and year, the
 * subject teacher of the class, or any ACTIVE principal of the issuer. A document nobody can sign fails at once
 * (SIGNER_UNKNOWN, naming the role, class and year) rather than waiting for a signer who will never come.
 */
@Injectable()
export class SignerResolution {
  constructor(@Inject(Assignees) private readonly assignees: Assignees) {}

  /** Each submission's steps, or the error that fails it; a batch costs two queries. */
  async plan(em: EntityManager, submissions: Submission[]): Promise<Map<string, PlannedStep[] | DomainError>> {
    const roles = new Map(submissions.map((s) => [s.documentId, workflowFor(s.documentType)]));
    const slots = submissions.flatMap((s) =>
      (roles.get(s.documentId) ?? []).filter(isTeacherStep).map((role) => slotOf(s, role)).filter((x): x is TeacherSlot => !(x instanceof DomainError)),
    );
    const issuers = submissions.filter((s) => roles.get(s.documentId)?.some(isPrincipalStep)).map((s) => s.issuerCode);
    const teachers = await this.assignees.teachers(em, slots);
    const principals = await this.assignees.withPrincipals(em, [...new Set(issuers)]);
    return new Map(submissions.map((s) => [s.documentId, stepsOf(s, roles.get(s.documentId) ?? null, teachers, principals)]));
  }
}

function stepsOf(s: Submission, roles: readonly StepRole[] | null, teachers: Map<string, string>, principals: Set<string>): PlannedStep[] | DomainError {
  if (!roles) return SigningErrors.workflowUnknown(s.documentType);
  const steps: PlannedStep[] = [];
  for (const [i, role] of roles.entries()) {
    let assigneePersonId: string | null = null;
    if (isTeacherStep(role)) {
      const slot = slotOf(s, role);
      if (slot instanceof DomainError) return slot;
      assigneePersonId = teachers.get(slotKey(slot)) ?? null;
      if (!assigneePersonId) return unknownSigner(s, role, slot.subject);
    } else if (isPrincipalStep(role) && !principals.has(s.issuerCode)) return unknownSigner(s, role);
    steps.push({ step: i + 1, role, assigneePersonId });
  }
  return steps;
}

function slotOf(s: Submission, role: StepRole): TeacherSlot | DomainError {
  const subject = role === StepRoles.HomeroomTeacher ? HOMEROOM_SUBJECT : s.subjectCode;
  if (!subject || !s.className) return unknownSigner(s, role, subject ?? undefined);
  return { schoolCode: s.issuerCode, schoolYear: s.schoolYear, className: s.className, subject };
}

function unknownSigner(s: Submission, role: StepRole, subject?: string): DomainError {
  const shown = subject === HOMEROOM_SUBJECT ? undefined : subject;
  const field = isPrincipalStep(role) ? 'issuerCode' : 'className';
  return SigningErrors.signerUnknown({ role, issuerCode: s.issuerCode, className: s.className, schoolYear: s.schoolYear, subject: shown, field });
}
