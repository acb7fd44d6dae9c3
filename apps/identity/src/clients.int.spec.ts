import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccessRights, type AccessRights } from './testing/access-rights.fixture.js';
import { AssertionReplayGuard } from './modules/clients/assertion-replay-guard.js';
import { s256Challenge } from './modules/tokens/authorization-code/pkce.js';
import { CreateUserCommand } from './modules/users/create-user.command.js';
import { UserRegistry } from './modules/users/user-registry.js';

/** Clients at the token endpoint against the real PostgreSQL: secret rotation, assertions, authorization codes. */
describe('clients and grants against PostgreSQL', () => {
  let a: AccessRights;

  beforeAll(async () => {
    a = await openAccessRights();
  });

  afterAll(() => a.close());

  it('keeps the previous secret working during the overlap only, refuses a disabled client at once, and audits it all', async () => {
    const { client_id: id, client_secret: first } = await a.ds.transaction((em) => a.registry.create(em, '31000101', 'school', { actor: a.operator }));
    expect((await a.grant(id, first!)).scope).toBe('documents:submit documents:read');

    const { clientSecret: second } = await a.ds.transaction((em) => a.registry.rotateSecret(em, id, 3600, a.operator));
    await expect(a.grant(id, second)).resolves.toMatchObject({ token_type: 'Bearer' });
    await expect(a.grant(id, first!)).resolves.toMatchObject({ token_type: 'Bearer' });
    // The overlap runs out: the first secret stops, even though it was verified (and remembered) a moment ago.
    await a.ds.query(`UPDATE api_clients SET previous_secret_until = now() - interval '1 second' WHERE client_id = $1`, [id]);
    await expect(a.grant(id, first!)).rejects.toMatchObject({ code: 'IDENTITY.INVALID_CLIENT' });
    // A second rotation with no overlap drops the second secret at once.
    const { clientSecret: third } = await a.ds.transaction((em) => a.registry.rotateSecret(em, id, 0, a.operator));
    await expect(a.grant(id, second)).rejects.toMatchObject({ code: 'IDENTITY.INVALID_CLIENT' });

    await a.ds.transaction((em) => a.registry.setDisabled(em, id, true, a.operator));
    await expect(a.grant(id, third)).rejects.toMatchObject({ code: 'IDENTITY.INVALID_CLIENT' });
    await a.ds.transaction((em) => a.registry.setDisabled(em, id, false, a.operator));
    await expect(a.grant(id, third)).resolves.toMatchObject({ token_type: 'Bearer' });

    const rows = await a.auditRows(id);
    expect(rows.map((r: { action: string; outcome: string; reason: string | null }) => [r.action, r.outcome, r.reason])).toEqual([
      ['client.create', 'GRANTED', null],
      ['token.grant', 'GRANTED', null],
      ['client.secret-rotation', 'GRANTED', null],
      ['token.grant', 'GRANTED', null],
      ['token.grant', 'GRANTED', null],
      ['token.grant', 'DENIED', 'WRONG_SECRET'],
      ['client.secret-rotation', 'GRANTED', null],
      ['token.grant', 'DENIED', 'WRONG_SECRET'],
      ['client.disable', 'GRANTED', null],
      ['token.grant', 'DENIED', 'CLIENT_DISABLED'],
      ['client.enable', 'GRANTED', null],
      ['token.grant', 'GRANTED', null],
    ]);
    expect(rows[0]).toMatchObject({ actor: 'operator-test', remote_address: '127.0.0.1' });

    // Every change was announced through the outbox, and no secret travelled.
    const events: Array<{ payload: Buffer }> = await a.ds.query(`SELECT payload FROM outbox WHERE topic = 'identity.client-changed.v1' AND key = $1`, [id]);
    expect(events).toHaveLength(5);
    for (const e of events) for (const s of [first!, second, third]) expect(e.payload.includes(Buffer.from(s))).toBe(false);
  });

  it('takes a private_key_jwt assertion once, refuses its replay, and forgets expired jtis', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: 'k1' }] };
    const { client_id: id, client_secret } = await a.ds.transaction((em) =>
      a.registry.create(em, '31000101', 'hub', { authMethod: 'private_key_jwt', jwks, actor: a.operator }),
    );
    expect(client_secret).toBeUndefined();
    const assertion = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setIssuer(id)
      .setSubject(id)
      .setAudience(`${a.config.IDENTITY_PUBLIC_URL}/oauth2/token`)
      .setExpirationTime('2m')
      .sign(privateKey);
    const body = { grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: assertion };
    await expect(a.handler.execute(body, undefined, null)).resolves.toMatchObject({ scope: 'documents:read documents:submit transfers' });
    await expect(a.handler.execute(body, undefined, null)).rejects.toMatchObject({ code: 'IDENTITY.ASSERTION_REPLAYED', field: 'client_assertion.jti' });
    expect((await a.auditRows(id)).slice(-2).map((r: { outcome: string; reason: string | null }) => [r.outcome, r.reason])).toEqual([
      ['GRANTED', null],
      ['DENIED', 'IDENTITY.ASSERTION_REPLAYED'],
    ]);

    await a.ds.query(`INSERT INTO client_assertion_jtis (client_id, jti, expires_at) VALUES ($1, 'old', now() - interval '1 minute')`, [id]);
    expect(await new AssertionReplayGuard().purge(a.ds.manager)).toBe(1);
    const [{ count }] = await a.ds.query('SELECT count(*)::int AS count FROM client_assertion_jtis WHERE client_id = $1', [id]);
    expect(count).toBe(1);
  });

  it('redeems an authorization code once, with the right verifier, for the user it was issued to', async () => {
    const consoleClient = await a.ds.transaction((em) =>
      a.registry.create(em, '31000000', 'operator', { authMethod: 'none', redirectUris: ['http://127.0.0.1:9999/cb'], actor: a.operator }),
    );
    const user = await a.ds.transaction((em) =>
      new UserRegistry(a.audit).create(em, CreateUserCommand.from({ username: 'vanthu.01', orgCode: '31000101', role: 'clerk', password: 'con đường dài phía trước' }), a.operator),
    );
    const verifier = 'v'.repeat(43);
    const issue = () =>
      a.ds.transaction((em) =>
        a.codes.issue(em, { clientId: consoleClient.client_id, userId: user.userId, redirectUri: 'http://127.0.0.1:9999/cb', codeChallenge: s256Challenge(verifier), scopes: ['documents:read'] }),
      );
    const redeem = (code: string, codeVerifier = verifier) =>
      a.handler.execute({ grant_type: 'authorization_code', client_id: consoleClient.client_id, code, redirect_uri: 'http://127.0.0.1:9999/cb', code_verifier: codeVerifier }, undefined, null);

    const code = await issue();
    const [stored] = await a.ds.query('SELECT code_hash FROM authorization_codes');
    expect(stored.code_hash).not.toBe(code);
    const token = await redeem(code);
    expect(JSON.parse(Buffer.from(token.access_token.split('.')[1], 'base64url').toString())).toMatchObject({
      sub: user.userId, org: '31000101', role: 'clerk', scope: 'documents:read', client_id: consoleClient.client_id,
    });
    await expect(redeem(code)).rejects.toMatchObject({ code: 'IDENTITY.INVALID_GRANT', field: 'code' });
    // A wrong verifier burns the code: the right one cannot follow.
    const second = await issue();
    await expect(redeem(second, 'w'.repeat(43))).rejects.toMatchObject({ code: 'IDENTITY.INVALID_GRANT', field: 'code_verifier' });
    await expect(redeem(second)).rejects.toMatchObject({ code: 'IDENTITY.INVALID_GRANT', field: 'code' });
    // A public client cannot use client credentials.
    await expect(a.handler.execute({ grant_type: 'client_credentials', client_id: consoleClient.client_id }, undefined, null)).rejects.toMatchObject({
      code: 'IDENTITY.INVALID_TOKEN_REQUEST',
    });
  });
});
