import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, submit, tokenFor } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { restart } from '../support/services.js';
import { demoSigner, signerSession, type SignerSession } from '../support/signers.js';
import { demoClient, URLS } from '../support/stack.js';
import { approveTask, documentExample, documentView, validateEvidence } from '../support/workflows.js';

interface Seal {
  org: string;
  status: string;
  serial: string | null;
}
const SCHOOL = demoClient('school', 0);
const signing = { base: URLS.signing };
const HSM_PIN = '4321';

/**
 * Signing moved onto an HSM (SoftHSM2 through PKCS#11) with the stack running: the keys it already holds, sealed in
 * software, keep signing; the seal and the principal's key made after the move live on the token; and an invoice goes
 * end to end through the public APIs with each kind. Signing goes back to the software store afterwards, with the
 * school's seal and principal's key rotated back, so that the other specs find the stack as they expect.
 */
describe('keys on an HSM (KEY_STORE=pkcs11)', () => {
  let dir: string;
  let tokenDir: string;
  let principal: SignerSession;
  const operator = () => tokenFor(demoClient('operator'));
  const tokenObjects = () => readdirSync(tokenDir).filter((f) => f.endsWith('.object') && f !== 'token.object').length;

  const sealOf = async () => (await call<Seal[]>('GET', '/v1/seals', { ...signing, token: await operator() })).body.find((s) => s.org === SCHOOL.org)!;
  const rotateSeal = async () => {
    const before = await sealOf();
    const res = await call('POST', `/v1/seals/${SCHOOL.org}/rotation`, { ...signing, token: await operator() });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await pollUntil(sealOf, (s) => s.status === 'ACTIVE' && s.serial !== before.serial, { what: 'the rotated seal certified', timeoutMs: 60_000 });
  };
  const rotatePersonKey = async () => {
    const me = () => call<{ status: string; keyId: string }>('GET', '/v1/signing-keys/me', { ...signing, token: principal.token });
    const res = await call<{ keyId: string }>('POST', '/v1/signing-keys/me/rotation', { ...signing, token: principal.token, body: { pin: principal.pin } });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await pollUntil(me, (r) => r.body.keyId === res.body.keyId && r.body.status === 'ACTIVE', { what: 'the rotated key certified', timeoutMs: 60_000 });
  };
  /** An invoice of the school, approved by its principal, sealed, archived; its two signatures validated. */
  const invoiceSignedAndValid = async (n: number) => {
    const school = await tokenFor(SCHOOL);
    const res = await submit(school, await documentExample('hoa-don', school, n));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const id = res.body.id;
    await approveTask(principal, id);
    await pollUntil(() => documentView(id, school), (r) => r.body.status === 'archived', { what: `${id} archived`, timeoutMs: 90_000 });
    const report = await validateEvidence(id, school);
    expect(report.indication, JSON.stringify(report).slice(0, 1500)).toBe('PASSED');
    expect(report.signatures.map((s) => [s.indication, s.workflowStep?.role])).toEqual([['PASSED', 'authorised-signatory'], ['PASSED', 'institution-seal']]);
  };

  beforeAll(async () => {
    principal = await signerSession(demoSigner(SCHOOL.org, 'PRINCIPAL'));
    dir = mkdtempSync(join(tmpdir(), 'edu-hsm-'));
    writeFileSync(join(dir, 'softhsm2.conf'), `directories.tokendir = ${dir}\nobjectstore.backend = file\nlog.level = ERROR\n`);
    const env = { SOFTHSM2_CONF: join(dir, 'softhsm2.conf') };
    execFileSync('softhsm2-util', ['--init-token', '--free', '--label', 'edu-signing', '--pin', HSM_PIN, '--so-pin', '8765'], { env: { ...process.env, ...env }, stdio: 'ignore' });
    tokenDir = join(dir, readdirSync(dir).find((f) => f !== 'softhsm2.conf')!);
    await restart('signing', { ...env, KEY_STORE: 'pkcs11', PKCS11_TOKEN_LABEL: 'edu-signing', PKCS11_PIN: HSM_PIN });
  }, 180_000);

  afterAll(async () => {
    await restart('signing', { KEY_STORE: 'software' });
    // The seal and the key made on the token go with it: new ones in software.
    await rotateSeal();
    await rotatePersonKey();
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);

  it('keeps signing with the software-sealed keys made before the move', async () => {
    expect(tokenObjects()).toBe(0);
    await invoiceSignedAndValid(5);
    expect(tokenObjects()).toBe(0);
  }, 180_000);

  it('makes the rotated seal and the principal’s rotated key on the token, and signs with them', async () => {
    await rotateSeal();
    await rotatePersonKey();
    // Two key pairs, each a private and a public key object.
    expect(tokenObjects()).toBe(4);
    await invoiceSignedAndValid(6);
  }, 180_000);
});
