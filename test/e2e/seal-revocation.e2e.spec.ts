import { afterAll, describe, expect, it } from 'vitest';
import { call, exampleFor, schoolToken, submit, tokenFor } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
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
 * Identity revokes an institution's seal certificate: signing refuses that institution's new documents at once, with
 * the reason, until an operator has a new seal made and certified; then documents sign again.
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
  const documentAfterSigning = async (n: number) => {
    const token = await schoolToken(3);
    const accepted = await submit(token, await exampleFor(token, n));
    expect(accepted.status).toBe(202);
    return pollUntil(
      () => call<DocumentView>('GET', `/v1/documents/${accepted.body.id}`, { token }),
      (r) => ['signed', 'archived', 'failed'].includes(r.body.status),
      { what: 'the document to be signed or failed', timeoutMs: 60_000 },
    );
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

    const refused = await documentAfterSigning(7001);
    expect(refused.body.status).toBe('failed');
    expect(refused.body.failure?.code).toBe('SIGNING.SEAL_REVOKED');
    expect(refused.body.failure?.message.vi).toContain('thu hồi');
    expect(refused.body.failure?.message.en).toContain('keyCompromise');

    const schoolCannotRotate = await call('POST', `/v1/seals/${school.org}/rotation`, { token: await schoolToken(3), base: URLS.signing });
    expect(schoolCannotRotate.status).toBe(403);
    const rotation = await call<{ status: string }>('POST', `/v1/seals/${school.org}/rotation`, { token: await operator(), base: URLS.signing });
    expect(rotation.status).toBe(202);
    const after = await activeSeal(before.serial);
    expect(after.serial).not.toBe(before.serial);

    const signed = await documentAfterSigning(7002);
    expect(['signed', 'archived']).toContain(signed.body.status);
  }, 240_000);
});
