import { beforeAll, describe, expect, it } from 'vitest';
import { call, schoolToken, tokenFor, type ErrorBody } from '../support/api.js';
import { pollUntil } from '../support/poll.js';
import { demoSigner, signerSession, type SignerSession } from '../support/signers.js';
import { demoClient, URLS } from '../support/stack.js';

const signing = { base: URLS.signing };
/** A teacher's key in custody: enrolled with a PIN, certified by identity, guarded by PIN lockout, every use audited. */
describe('signing keys in custody and signing PINs', () => {
  // A teacher of the primary school: the other end-to-end specs sign as other people, so locking this one is harmless.
  const member = demoSigner('31020301', 'HOMEROOM', '5A');
  let teacher: SignerSession;

  beforeAll(async () => {
    teacher = await signerSession(member);
  });

  it('enrols once: the key is ACTIVE with a certificate from identity, and a second enrolment is refused', async () => {
    const mine = await call<{ status: string; serialHex: string; pinSet: boolean }>('GET', '/v1/signing-keys/me', { ...signing, token: teacher.token });
    expect(mine.body).toMatchObject({ status: 'ACTIVE', pinSet: true });
    expect(mine.body.serialHex).toMatch(/^[0-9a-f]+$/);
    const certificate = await call<{ subjectPersonId?: string; profile?: string }>('GET', `/v1/certificates/${mine.body.serialHex}`, {
      base: URLS.identity, token: await tokenFor(demoClient('operator')),
    });
    expect(certificate.status).toBe(200);
    expect(JSON.stringify(certificate.body)).toContain(member.personId);
    const again = await call<ErrorBody>('POST', '/v1/signing-keys', { ...signing, token: teacher.token, body: { pin: '975310' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SIGNING.SIGNING_KEY_EXISTS');
  });

  it('refuses weak PINs and callers who are not a person', async () => {
    const weak = await call<ErrorBody>('PUT', '/v1/signing-keys/me/pin', { ...signing, token: teacher.token, body: { currentPin: teacher.pin, newPin: '123456' } });
    expect(weak.status).toBe(400);
    expect(weak.body).toMatchObject({ code: 'SIGNING.PIN_WEAK', field: 'pin' });
    expect(weak.body.message.vi).toContain('PIN');
    const school = await call<ErrorBody>('GET', '/v1/signing-keys/me', { ...signing, token: await schoolToken() });
    expect(school.status).toBe(403);
  });

  it('locks the key after five wrong PINs, audits each attempt, and an operator can lift the lock', async () => {
    const change = (currentPin: string) =>
      call<ErrorBody>('PUT', '/v1/signing-keys/me/pin', { ...signing, token: teacher.token, body: { currentPin, newPin: '864202' } });
    const started = Date.now();
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await change('000001')).body.code);
    expect(codes).toEqual(['SIGNING.PIN_WRONG', 'SIGNING.PIN_WRONG', 'SIGNING.PIN_WRONG', 'SIGNING.PIN_WRONG', 'SIGNING.PIN_LOCKED']);
    // Locked: even the right PIN is refused until the lock ends.
    const locked = await change(teacher.pin);
    expect(locked.status).toBe(403);
    expect(locked.body.code).toBe('SIGNING.PIN_LOCKED');

    const audit = await call<Array<{ action: string; at: string }>>('GET', '/v1/signing-keys/me/audit', { ...signing, token: teacher.token });
    const actions = audit.body.filter((a) => Date.parse(a.at) >= started - 1000).map((a) => a.action);
    expect(actions.filter((a) => a === 'PIN_FAILED')).toHaveLength(4);
    expect(actions).toContain('PIN_LOCKED');
    expect(actions).toContain('PIN_REFUSED_LOCKED');

    const operator = await tokenFor(demoClient('operator'));
    expect((await call('POST', `/v1/signing-keys/${member.personId}/unlock`, { ...signing, token: teacher.token })).status).toBe(403);
    expect((await call('POST', `/v1/signing-keys/${member.personId}/unlock`, { ...signing, token: operator })).status).toBe(204);
    expect((await change(teacher.pin)).status).toBe(204);
    // The PIN is now 864202; put the demo PIN back for the other specs.
    const back = await call('PUT', '/v1/signing-keys/me/pin', { ...signing, token: teacher.token, body: { currentPin: '864202', newPin: teacher.pin } });
    expect(back.status).toBe(204);
  });

  it('rotates the key on the PIN: identity certifies the new one, which replaces the old', async () => {
    const me = () => call<{ status: string; keyId: string; serialHex: string }>('GET', '/v1/signing-keys/me', { ...signing, token: teacher.token });
    const before = (await me()).body;
    const wrong = await call<ErrorBody>('POST', '/v1/signing-keys/me/rotation', { ...signing, token: teacher.token, body: { pin: '000001' } });
    expect(wrong.body.code).toBe('SIGNING.PIN_WRONG');
    const rotation = await call<{ keyId: string; status: string }>('POST', '/v1/signing-keys/me/rotation', { ...signing, token: teacher.token, body: { pin: teacher.pin } });
    expect(rotation.status).toBe(202);
    expect(rotation.body.keyId).not.toBe(before.keyId);
    const after = await pollUntil(me, (r) => r.body.keyId === rotation.body.keyId && r.body.status === 'ACTIVE', { what: 'the rotated key certified' });
    expect(after.body.serialHex).not.toBe(before.serialHex);
    const audit = await call<Array<{ action: string }>>('GET', '/v1/signing-keys/me/audit', { ...signing, token: teacher.token });
    expect(audit.body.map((a) => a.action)).toEqual(expect.arrayContaining(['KEY_ROTATION_REQUESTED', 'KEY_ACTIVATED']));
  });
});
