import { afterAll, describe, expect, it } from 'vitest';
import { call, exampleFor, schoolToken, submit, tokenFor } from '../support/api.js';
import { demoStaff } from '../../apps/identity/src/modules/seed/demo-province.js';
import { pollUntil } from '../support/poll.js';
import { demoSigner, pendingTasks, signerSession } from '../support/signers.js';
import { demoClient, URLS } from '../support/stack.js';

interface Seal {
  org: string;
  status: string;
  serial: string | null;
}
interface DocumentView {
  status: string;
  failure: { code: string; message: { vi: string; en: string } } | null;
}

/**
 * Identity revokes an institution's seal certificate: signing refuses to seal that institution's documents, with the
 * reason, until an operator has a new seal made and certified; then the same approval seals the document.
 */
describe('a revoked seal certificate', () => {
  const school = demoClient('school', 3);
  const operator = () => tokenFor(demoClient('operator'));
  const sealOf = async () => {
    const res = await call<Seal[]>('GET', '/v1/seals', { token: await operator(), base: URLS.signing });
    return res.body.find((s) => s.org === school.org)!;
  };
  const activeSeal = (previous?: string | null) =>
    pollUntil(sealOf, (s) => s.status === 'ACTIVE' && s.serial !== previous, { what: `an active seal for ${school.org}`, timeoutMs: 60_000 });
  /** A new record of the school, approved by its homeroom teacher: what is left is the principal's step and the seal. */
  const awaitingPrincipal = async (n: number) => {
    const token = await schoolToken(3);
    const accepted = await submit(token, await exampleFor(token, n));
    expect(accepted.status).toBe(202);
    const id = accepted.body.id as string;
    const { homerooms } = demoStaff();
    const teachers = await Promise.all(homerooms.filter((h) => h.schoolCode === school.org).map((h) => signerSession(demoSigner(school.org, 'HOMEROOM', h.className))));
    await pollUntil(
      async () => {
        for (const teacher of teachers) {
          const mine = (await pendingTasks(teacher)).filter((t) => t.documentId === id);
          if (mine.length) return (await call('POST', '/v1/signing-tasks/approve', { base: URLS.signing, token: teacher.token, body: { taskIds: mine.map((t) => t.taskId), pin: teacher.pin } })).status;
        }
        return 0;
      },
      (status) => status === 200,
      { what: `the homeroom teacher's approval of ${id}` },
    );
    const principal = await signerSession(demoSigner(school.org, 'PRINCIPAL'));
    const task = await pollUntil(async () => (await pendingTasks(principal)).find((t) => t.documentId === id), Boolean, { what: `the principal's task for ${id}` });
    const approve = () => call<{ code: string; message: { vi: string; en: string } }>('POST', '/v1/signing-tasks/approve', {
      base: URLS.signing, token: principal.token, body: { taskIds: [task!.taskId], pin: principal.pin },
    });
    const view = () => call<DocumentView>('GET', `/v1/documents/${id}`, { token });
    const keyAudit = () => call<Array<{ action: string; detail: { documentIds?: string[] } }>>('GET', '/v1/signing-keys/me/audit', { base: URLS.signing, token: principal.token });
    return { id, approve, view, keyAudit };
  };

  afterAll(async () => {
    // Leave the demo school able to sign whatever happened above.
    if ((await sealOf()).status === 'REVOKED')
      await call('POST', `/v1/seals/${school.org}/rotation`, { token: await operator(), base: URLS.signing });
    await activeSeal(null);
  }, 120_000);

  it('makes signing refuse new documents with a clear reason until an operator rotates the seal', async () => {
    const before = await activeSeal(null);
    const revoked = await call<{ status: string }>('POST', `/v1/certificates/${before.serial}/revocation`, {
      token: await operator(),
      base: URLS.identity,
      body: { reason: 'keyCompromise' },
    });
    expect(revoked.status).toBe(200);
    await pollUntil(sealOf, (s) => s.status === 'REVOKED', { what: 'signing to learn of the revocation' });

    const pending = await awaitingPrincipal(7001);
    const refused = await pending.approve();
    // The seal is the last step: the principal's approval is refused whole, nothing is signed half-way.
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('SIGNING.SEAL_REVOKED');
    expect(refused.body.message.vi).toContain('thu hồi');
    expect(refused.body.message.en).toContain('keyCompromise');
    expect((await pending.view()).body.status).toBe('signing');
    // The principal's key was opened on their PIN for this record: that stays audited although nothing was signed.
    const opened = (await pending.keyAudit()).body.filter((a) => a.action === 'KEY_UNLOCKED' && a.detail.documentIds?.includes(pending.id));
    expect(opened).toHaveLength(1);

    const schoolCannotRotate = await call('POST', `/v1/seals/${school.org}/rotation`, { token: await schoolToken(3), base: URLS.signing });
    expect(schoolCannotRotate.status).toBe(403);
    const rotation = await call<{ status: string }>('POST', `/v1/seals/${school.org}/rotation`, { token: await operator(), base: URLS.signing });
    expect(rotation.status).toBe(202);
    const after = await activeSeal(before.serial);
    expect(after.serial).not.toBe(before.serial);

    expect((await pending.approve()).status).toBe(200);
    const signed = await pollUntil(pending.view, (r) => ['signed', 'archived'].includes(r.body.status), { what: 'the document signed after the rotation' });
    expect(['signed', 'archived']).toContain(signed.body.status);
  }, 240_000);
});
