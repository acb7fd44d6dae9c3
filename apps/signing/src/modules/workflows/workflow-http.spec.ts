import type { Principal } from '@edu/auth';
import { DomainError, HTTP_STATUS } from '@edu/errors';
import { beforeEach, describe, expect, it } from 'vitest';
import { TaskList } from './task-list.js';
import { buildWorkflowPki, ISSUER, PIN, workflowWorld } from '../../testing/workflow-world.js';
import { SigningTasksHttpController } from './signing-tasks.http.controller.js';
import { WorkflowViews } from './workflow-view.js';
import { WorkflowsHttpController } from './workflows.http.controller.js';

const json = { is: (type: string) => (type === 'application/json' ? type : false) };
const form = { is: () => false as const };
const person = (personId: string | undefined, org = ISSUER): Principal =>
  ({ clientId: 'console', org, role: 'teacher', scopes: ['documents:read', 'signing'], ...(personId ? { personId } : {}) });
const operator: Principal = { clientId: 'ops-tool', org: 'SO31', role: 'operator', scopes: ['operations'] };

describe('signing tasks and workflows over HTTP', () => {
  const pki = buildWorkflowPki();
  let world: ReturnType<typeof workflowWorld>;
  let tasks: SigningTasksHttpController;
  let workflows: WorkflowsHttpController;

  beforeEach(() => {
    world = workflowWorld(pki);
    tasks = new SigningTasksHttpController(world.ds, world.assignees, new TaskList(), world.handlers.approve, world.handlers.reject);
    workflows = new WorkflowsHttpController(world.ds, new WorkflowViews(world.store, world.audit), world.handlers.cancel);
  });

  const refused = async (p: Promise<unknown> | (() => unknown)) => {
    const err = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(() => new Error('accepted'), (e: DomainError) => e);
    return err instanceof DomainError ? [err.code, HTTP_STATUS[err.kind]] : [err.message];
  };

  it('refuses a token that is not a person\'s with 403 before looking at the request', async () => {
    const expected = ['SIGNING.PERSON_TOKEN_REQUIRED', 403];
    expect(await refused(tasks.list({}, person(undefined)))).toEqual(expected);
    expect(await refused(() => tasks.approve(json, { taskIds: [] }, person(undefined)))).toEqual(expected);
    expect(await refused(() => tasks.reject(json, 'x', {}, person(undefined)))).toEqual(expected);
  });

  it('answers bad bodies and media types with 4xx', async () => {
    expect(await refused(() => tasks.approve(form, { taskIds: [], pin: PIN }, person(pki.teacher.personId)))).toEqual(['COMMON.UNSUPPORTED_MEDIA_TYPE', 415]);
    expect(await refused(() => tasks.approve(json, undefined, person(pki.teacher.personId)))).toEqual(['SIGNING.REQUEST_INVALID', 400]);
    expect(await refused(() => tasks.reject(json, 'x', { reason: '' }, person(pki.teacher.personId)))).toEqual(['SIGNING.REQUEST_INVALID', 400]);
    expect(await refused(() => workflows.cancel(json, 'x', {}, operator))).toEqual(['SIGNING.REQUEST_INVALID', 400]);
    expect(await refused(() => workflows.view('not-a-uuid', operator))).toEqual(['SIGNING.WORKFLOW_NOT_FOUND', 404]);
  });

  it('shows a workflow\'s tasks and audit trail to operators and the issuer\'s people, and to no one else', async () => {
    const doc = await world.submit();
    const view = await workflows.view(doc.documentId.toUpperCase(), operator);
    expect(view).toMatchObject({ documentId: doc.documentId, state: 'IN_PROGRESS', className: '10A1', schoolYear: '2025-2026' });
    expect(view.tasks.map((t) => [t.step, t.role, t.state])).toEqual([[1, 'homeroom-teacher', 'PENDING'], [2, 'principal', 'WAITING'], [3, 'institution-seal', 'WAITING']]);
    expect(view.audit.map((a) => a.action)).toEqual(['created', 'requested']);
    expect((await workflows.view(doc.documentId, person(pki.principal.personId))).documentId).toBe(doc.documentId);
    expect(await refused(workflows.view(doc.documentId, person(pki.otherPrincipal.personId, 'THPT02')))).toEqual(['SIGNING.WORKFLOW_NOT_FOUND', 404]);
    const school: Principal = { clientId: 'school-app', org: ISSUER, role: 'school', scopes: ['documents:submit', 'documents:read'] };
    expect(await refused(workflows.view(doc.documentId, school))).toEqual(['AUTH.SCOPE_MISSING', 403]);
  });

  it('approves and rejects as the token\'s person', async () => {
    const [a, b] = [await world.submit(), await world.submit()];
    const approved = await tasks.approve(json, { taskIds: [a.tasks()[0].taskId], pin: PIN }, person(pki.teacher.personId));
    expect(approved.approved).toEqual([{ taskId: a.tasks()[0].taskId, documentId: a.documentId, step: 1, role: 'homeroom-teacher', signedAt: expect.any(String) }]);
    expect(await tasks.reject(json, b.tasks()[0].taskId, { reason: 'Sai lớp' }, person(pki.teacher.personId))).toMatchObject({ state: 'REJECTED' });
    expect(await workflows.cancel(json, a.documentId, { reason: 'Nhập nhầm' }, operator)).toEqual({ documentId: a.documentId, state: 'CANCELLED' });
  });
});
