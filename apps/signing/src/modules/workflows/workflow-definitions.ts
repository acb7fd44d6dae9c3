/**
 * Who signs each document type, in order (domain brief, "Documents"). The one place these lists live: the signing
 * service walks them; interchange only shows the step a document waits for.
 */
export const StepRoles = {
  HomeroomTeacher: 'homeroom-teacher',
  SubjectTeacher: 'subject-teacher',
  Principal: 'principal',
  /** The principal or director who signs invoices and contracts for the institution. */
  AuthorisedSignatory: 'authorised-signatory',
  /** Applied by the service with the issuer's seal as soon as the step before it is signed. */
  InstitutionSeal: 'institution-seal',
} as const;

export type StepRole = (typeof StepRoles)[keyof typeof StepRoles];

const { HomeroomTeacher, SubjectTeacher, Principal, AuthorisedSignatory, InstitutionSeal } = StepRoles;

export const WORKFLOW_DEFINITIONS: Readonly<Record<string, readonly StepRole[]>> = {
  'hoc-ba': [HomeroomTeacher, Principal, InstitutionSeal],
  'so-diem': [SubjectTeacher, Principal],
  'bang-diem': [Principal, InstitutionSeal],
  'chung-chi': [Principal, InstitutionSeal],
  'chung-nhan': [Principal, InstitutionSeal],
  'hoa-don': [AuthorisedSignatory, InstitutionSeal],
  'hop-dong': [AuthorisedSignatory, InstitutionSeal],
};

/** The signers of a document type in order, or null for a type no workflow is defined for. */
export function workflowFor(documentType: string): readonly StepRole[] | null {
  return Object.hasOwn(WORKFLOW_DEFINITIONS, documentType) ? WORKFLOW_DEFINITIONS[documentType] : null;
}

/** Steps any ACTIVE principal of the issuer may sign (the signer directory's role PRINCIPAL). */
export const PRINCIPAL_STEPS: readonly StepRole[] = [Principal, AuthorisedSignatory];

export function isPrincipalStep(role: string): boolean {
  return (PRINCIPAL_STEPS as readonly string[]).includes(role);
}

/** Steps signed by the one teacher identity assigned to the class (homeroom) or to the class and subject. */
export function isTeacherStep(role: string): boolean {
  return role === HomeroomTeacher || role === SubjectTeacher;
}

/** Identity's subject code for the homeroom teacher in teacher assignments (giáo viên chủ nhiệm). */
export const HOMEROOM_SUBJECT = 'CHU_NHIEM';

/**
 * The subject a grade book is for: DocumentSubmitted carries no subject, so it is read from the canonical content's
 * top-level `subjectCode` (a catalogue code such as TOAN, as identity's teacher assignments use). Null when absent.
 */
export function subjectCodeOf(content: Buffer): string | null {
  try {
    const parsed: unknown = JSON.parse(content.toString('utf8'));
    const code = (parsed as { subjectCode?: unknown } | null)?.subjectCode;
    return typeof code === 'string' && code ? code : null;
  } catch {
    return null;
  }
}
