import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAccessRights, type AccessRights } from './testing/access-rights.fixture.js';
import { AuditQuery } from './modules/audit/audit-query.js';
import { CreateUserCommand } from './modules/users/create-user.command.js';
import { UserLogin } from './modules/users/user-login.js';
import { UserRegistry } from './modules/users/user-registry.js';
import { TokenKeys } from './modules/tokens/token-keys.js';

/** Users' lockout, token-key rotation and the audit log against the real PostgreSQL. */
describe('users, token keys and audit against PostgreSQL', () => {
  let a: AccessRights;

  beforeAll(async () => {
    a = await openAccessRights();
  });

  afterAll(() => a.close());

  it('locks a user out after five consecutive wrong passwords, resets on success, and unlocks on request', async () => {
    const users = new UserRegistry(a.audit);
    const login = new UserLogin(a.ds, a.audit, a.config);
    const password = 'một mật khẩu đủ dài';
    const user = await a.ds.transaction((em) =>
      users.create(em, CreateUserCommand.from({ username: 'GVCN.Lan', orgCode: '31000101', role: 'teacher', password }), a.operator),
    );
    expect(user).toMatchObject({ username: 'gvcn.lan', status: 'ACTIVE' });
    const wrong = () => login.signIn('gvcn.lan', 'không phải mật khẩu', '10.0.0.7');

    for (let i = 0; i < 4; i++) await expect(wrong()).rejects.toMatchObject({ code: 'IDENTITY.LOGIN_FAILED' });
    await expect(login.signIn('GVCN.LAN', password, null)).resolves.toMatchObject({ userId: user.userId, role: 'teacher', org: '31000101' });
    for (let i = 0; i < 4; i++) await expect(wrong()).rejects.toMatchObject({ code: 'IDENTITY.LOGIN_FAILED' });
    await expect(wrong()).rejects.toMatchObject({ code: 'IDENTITY.ACCOUNT_LOCKED' });
    await expect(login.signIn('gvcn.lan', password, null)).rejects.toMatchObject({ code: 'IDENTITY.ACCOUNT_LOCKED' });
    expect(await users.find(a.ds.manager, user.userId)).toMatchObject({ status: 'LOCKED', failedLogins: 5 });

    // A lockout that has run out starts the count again: one more failure does not lock.
    await a.ds.query(`UPDATE users SET locked_until = now() - interval '1 second' WHERE user_id = $1`, [user.userId]);
    await expect(wrong()).rejects.toMatchObject({ code: 'IDENTITY.LOGIN_FAILED' });
    expect(await users.find(a.ds.manager, user.userId)).toMatchObject({ status: 'ACTIVE', failedLogins: 1 });
    for (let i = 0; i < 4; i++) await wrong().catch(() => null);
    await a.ds.transaction((em) => users.unlock(em, user.userId, a.operator));
    await expect(login.signIn('gvcn.lan', password, null)).resolves.toMatchObject({ userId: user.userId });
    await a.ds.transaction((em) => users.disable(em, user.userId, a.operator));
    await expect(login.signIn('gvcn.lan', password, null)).rejects.toMatchObject({ code: 'IDENTITY.LOGIN_FAILED' });
    await expect(login.signIn('nobody.here', password, null)).rejects.toMatchObject({ code: 'IDENTITY.LOGIN_FAILED' });

    const reasons = (await a.auditRows(user.userId)).map((r: { action: string; reason: string | null }) => `${r.action}:${r.reason ?? 'ok'}`);
    expect(reasons).toEqual([
      'user.create:ok',
      ...Array(4).fill('login:WRONG_PASSWORD'),
      'login:ok',
      ...Array(4).fill('login:WRONG_PASSWORD'),
      'login:LOCKED_OUT',
      'login:LOCKED',
      'login:WRONG_PASSWORD',
      ...Array(3).fill('login:WRONG_PASSWORD'),
      'login:LOCKED_OUT',
      'user.unlock:ok',
      'login:ok',
      'user.disable:ok',
      'login:USER_DISABLED',
    ]);
    const [unknown] = await a.ds.query(`SELECT actor, reason, remote_address FROM audit_log WHERE action = 'login' AND actor = 'nobody.here'`);
    expect(unknown).toMatchObject({ reason: 'UNKNOWN_USER' });
    await expect(
      a.ds.transaction((em) => users.create(em, CreateUserCommand.from({ username: 'gvcn.lan', orgCode: '31000101', role: 'teacher', password }), a.operator)),
    ).rejects.toMatchObject({ code: 'IDENTITY.USERNAME_TAKEN' });
  });

  it('rotates the token key with an overlap: both keys published, the other instance follows on reload, the old one retires', async () => {
    const other = new TokenKeys(a.ds, a.config, a.audit);
    await other.reload();
    const before = a.keys.current().kid;
    expect(other.current().kid).toBe(before);
    const { kid, previousRetireAfter } = await a.keys.rotate(a.operator);
    expect(a.keys.current().kid).toBe(kid);
    expect(previousRetireAfter!.getTime() - Date.now()).toBeGreaterThan((a.config.TOKEN_TTL_SECONDS + a.config.TOKEN_KEYS_RELOAD_SECONDS) * 1000);
    expect((await other.publicJwks()).keys.map((k) => k.kid)).toEqual([kid, before]);
    expect(other.current().kid).toBe(before);
    await other.reload();
    expect(other.current().kid).toBe(kid);

    await a.ds.query(`UPDATE token_keys SET retire_after = now() - interval '1 second' WHERE kid = $1`, [before]);
    expect((await a.keys.publicJwks()).keys.map((k) => k.kid)).toEqual([kid]);
    await other.reload();
    const [retired] = await a.ds.query('SELECT active, retired_at FROM token_keys WHERE kid = $1', [before]);
    expect(retired.active).toBe(false);
    expect(retired.retired_at).toBeInstanceOf(Date);
    expect((await a.auditRows(before)).map((r: { action: string; actor: string }) => [r.action, r.actor])).toEqual([['token-key.retirement', 'system']]);
    expect((await a.auditRows(kid)).map((r: { action: string; actor: string }) => [r.action, r.actor])).toEqual([['token-key.rotation', 'operator-test']]);
  });

  it('lists the audit log by actor, action and outcome, page by page', async () => {
    const q = (params: Record<string, string>) => a.audit.list(a.ds.manager, AuditQuery.from(params));
    const { client_id: id } = await a.ds.transaction((em) => a.registry.create(em, '31000101', 'school', { actor: a.operator }));
    for (let i = 0; i < 3; i++) await a.grant(id, 'wrong').catch(() => null);
    const denied = await q({ action: 'token.grant', outcome: 'DENIED', limit: '2' });
    expect(denied.items).toHaveLength(2);
    expect(denied.hasMore).toBe(true);
    const next = await q({ action: 'token.grant', outcome: 'DENIED', limit: '2', after: denied.nextCursor });
    expect(Number(next.items[0].id)).toBeGreaterThan(Number(denied.nextCursor));
    for (const item of [...denied.items, ...next.items]) expect(item).toMatchObject({ action: 'token.grant', outcome: 'DENIED' });
    const byOperator = await q({ actor: 'operator-test', limit: '500' });
    expect(byOperator.hasMore).toBe(false);
    const ids = byOperator.items.map((i) => Number(i.id));
    // Crosses from one-digit to two-digit ids: the order is numeric, not textual.
    expect(ids.some((n) => n < 10) && ids.some((n) => n >= 10)).toBe(true);
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(byOperator.items.map((i) => i.actor))).toEqual(new Set(['operator-test']));
    expect(() => AuditQuery.from({ outcome: 'MAYBE' })).toThrow(expect.objectContaining({ code: 'COMMON.INVALID_PARAMETER', field: 'outcome' }));
    expect(() => AuditQuery.from({ after: 'x' })).toThrow(expect.objectContaining({ field: 'after' }));
    expect(() => AuditQuery.from({ limit: '501' })).toThrow(expect.objectContaining({ field: 'limit' }));
  });
});
