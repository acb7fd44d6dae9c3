import { describe, expect, it } from 'vitest';
import { isPrincipalStep, isTeacherStep, StepRoles, subjectCodeOf, WORKFLOW_DEFINITIONS, workflowFor } from './workflow-definitions.js';

describe('workflow definitions', () => {
  it('lists the signers of each document type in the order of the domain table', () => {
    expect(workflowFor('hoc-ba')).toEqual(['homeroom-teacher', 'principal', 'institution-seal']);
    expect(workflowFor('so-diem')).toEqual(['subject-teacher', 'principal']);
    expect(workflowFor('bang-diem')).toEqual(['principal', 'institution-seal']);
    for (const type of ['chung-chi', 'chung-nhan']) expect(workflowFor(type)).toEqual(['principal', 'institution-seal']);
    for (const type of ['hoa-don', 'hop-dong']) expect(workflowFor(type)).toEqual(['authorised-signatory', 'institution-seal']);
  });

  it('knows no workflow for other types, inherited object keys included', () => {
    for (const type of ['', 'hoc_ba', 'HOC-BA', 'toString', '__proto__']) expect(workflowFor(type)).toBeNull();
  });

  it('starts every workflow with a person and uses the seal only as its last step', () => {
    for (const [type, roles] of Object.entries(WORKFLOW_DEFINITIONS)) {
      expect(isTeacherStep(roles[0]) || isPrincipalStep(roles[0]), type).toBe(true);
      roles.slice(0, -1).forEach((role) => expect(role, type).not.toBe(StepRoles.InstitutionSeal));
      expect(new Set(roles).size, type).toBe(roles.length);
    }
  });

  it('reads a grade book\'s subject from its content', () => {
    expect(subjectCodeOf(Buffer.from('{"subjectCode":"TOAN","lop":"10A1"}'))).toBe('TOAN');
    for (const content of ['{"subjectCode":""}', '{"subjectCode":7}', '{}', 'null', '[1]', 'not json'])
      expect(subjectCodeOf(Buffer.from(content)), content).toBeNull();
  });
});
