import type { EntityManager } from '@edu/persistence';
import { DomainError } from '@edu/errors';
import { beforeEach, describe, expect, it } from 'vitest';
import { FakeAssignees } from '../../testing/workflow-fakes.js';
import { SignerResolution, type Submission } from './signer-resolution.js';

const em = {} as EntityManager;
const submission = (over: Partial<Submission> = {}): Submission => ({
  documentId: 'd1', documentType: 'hoc-ba', issuerCode: 'THPT01', schoolYear: '2025-2026', className: '10A1', subjectCode: null, ...over,
});

describe('signer resolution', () => {
  let assignees: FakeAssignees;
  let resolution: SignerResolution;

  beforeEach(() => {
    assignees = new FakeAssignees();
    resolution = new SignerResolution(assignees);
    assignees.assign({ schoolCode: 'THPT01', schoolYear: '2025-2026', className: '10A1', subject: 'CHU_NHIEM' }, 'GV-1');
    assignees.assign({ schoolCode: 'THPT01', schoolYear: '2024-2025', className: '10A2', subject: 'CHU_NHIEM' }, 'GV-OLD');
    assignees.assign({ schoolCode: 'THPT01', schoolYear: '2025-2026', className: '10A1', subject: 'TOAN' }, 'GV-TOAN');
    assignees.principals.set('HT-1', 'THPT01');
  });

  const planOf = async (s: Submission) => (await resolution.plan(em, [s])).get(s.documentId)!;

  it('assigns a học bạ to the homeroom teacher of the class and year, then to any principal, then the seal', async () => {
    expect(await planOf(submission())).toEqual([
      { step: 1, role: 'homeroom-teacher', assigneePersonId: 'GV-1' },
      { step: 2, role: 'principal', assigneePersonId: null },
      { step: 3, role: 'institution-seal', assigneePersonId: null },
    ]);
  });

  it('fails a document whose class has no homeroom teacher that year, naming role, class and year', async () => {
    for (const over of [{ className: '10A2' }, { schoolYear: '2026-2027' }, { issuerCode: 'THPT09' }, { className: '' }]) {
      const plan = await planOf(submission(over));
      expect(plan).toBeInstanceOf(DomainError);
      const err = plan as DomainError;
      expect(err.code).toBe('SIGNING.SIGNER_UNKNOWN');
      expect(err.field).toBe('className');
      expect(err.text.en).toContain('homeroom-teacher');
      expect(err.text.vi).toContain('giáo viên chủ nhiệm');
      expect(err.text.en).toContain(over.schoolYear ?? '2025-2026');
      if (over.className) expect(err.text.en).toContain(over.className);
    }
  });

  it('needs an ACTIVE principal of the issuer for a principal step', async () => {
    assignees.assign({ schoolCode: 'THPT02', schoolYear: '2025-2026', className: '10A1', subject: 'CHU_NHIEM' }, 'GV-2');
    const plan = (await planOf(submission({ issuerCode: 'THPT02' }))) as DomainError;
    expect(plan.code).toBe('SIGNING.SIGNER_UNKNOWN');
    expect(plan.field).toBe('issuerCode');
    expect(plan.text.en).toContain('principal');
    expect(plan.text.vi).toContain('hiệu trưởng');
    expect(await planOf(submission({ documentType: 'hoa-don' }))).toEqual([
      { step: 1, role: 'authorised-signatory', assigneePersonId: null },
      { step: 2, role: 'institution-seal', assigneePersonId: null },
    ]);
  });

  it('gives a grade book to the teacher of its subject, read from the content', async () => {
    expect(await planOf(submission({ documentType: 'so-diem', subjectCode: 'TOAN' }))).toEqual([
      { step: 1, role: 'subject-teacher', assigneePersonId: 'GV-TOAN' },
      { step: 2, role: 'principal', assigneePersonId: null },
    ]);
    const other = (await planOf(submission({ documentType: 'so-diem', subjectCode: 'NGU_VAN' }))) as DomainError;
    expect(other.code).toBe('SIGNING.SIGNER_UNKNOWN');
    expect(other.text.en).toContain('subject NGU_VAN');
    expect(((await planOf(submission({ documentType: 'so-diem' }))) as DomainError).code).toBe('SIGNING.SIGNER_UNKNOWN');
  });

  it('fails a type without a workflow, and plans a batch with one look-up per kind', async () => {
    const plan = (await planOf(submission({ documentType: 'bien-ban' }))) as DomainError;
    expect(plan.code).toBe('SIGNING.WORKFLOW_UNKNOWN');
    expect(plan.text.vi).toContain('bien-ban');
    let teacherLookups = 0;
    let principalLookups = 0;
    const teachers = assignees.teachers.bind(assignees);
    const principals = assignees.withPrincipals.bind(assignees);
    assignees.teachers = async (e, slots) => (teacherLookups++, teachers(e, slots));
    assignees.withPrincipals = async (e, orgs) => (principalLookups++, principals(e, orgs));
    const plans = await resolution.plan(em, [submission({ documentId: 'a' }), submission({ documentId: 'b', className: '10A2' }), submission({ documentId: 'c', documentType: 'bang-diem' })]);
    expect([teacherLookups, principalLookups]).toEqual([1, 1]);
    expect(plans.get('a')).toHaveLength(3);
    expect(plans.get('b')).toBeInstanceOf(DomainError);
    expect(plans.get('c')).toEqual([{ step: 1, role: 'principal', assigneePersonId: null }, { step: 2, role: 'institution-seal', assigneePersonId: null }]);
  });
});
