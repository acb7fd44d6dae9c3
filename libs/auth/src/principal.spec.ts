import { describe, expect, it } from 'vitest';
import { canReadIssuer, CLIENT_ROLES, isRole, ROLE_SCOPES, Scopes, USER_ROLES, type Principal } from './principal.js';

const principal = (role: Principal['role'], org = '31000101'): Principal => ({ clientId: 'c', org, role, scopes: ROLE_SCOPES[role] });

describe('roles and scopes', () => {
  it('keeps the existing roles as they were and gives the hub reading, submitting and transfers', () => {
    expect(ROLE_SCOPES.school).toEqual(['documents:submit', 'documents:read']);
    expect(ROLE_SCOPES.ministry).toEqual(['documents:read', 'feed:read']);
    expect(ROLE_SCOPES.operator).toEqual(['documents:read', 'feed:read', 'operations']);
    expect(ROLE_SCOPES.hub).toEqual([Scopes.DocumentsRead, Scopes.DocumentsSubmit, Scopes.Transfers]);
  });

  it('gives school staff reading only, and nobody but operators the operations scope', () => {
    for (const role of ['teacher', 'principal'] as const) expect(ROLE_SCOPES[role]).toEqual([Scopes.DocumentsRead, Scopes.Signing]);
    expect(ROLE_SCOPES.clerk).toEqual([Scopes.DocumentsRead]);
    const operating = Object.entries(ROLE_SCOPES).filter(([, scopes]) => scopes.includes(Scopes.Operations));
    expect(operating.map(([role]) => role)).toEqual(['operator']);
  });

  it('knows every client and user role, and nothing else', () => {
    for (const role of [...CLIENT_ROLES, ...USER_ROLES]) expect(isRole(role)).toBe(true);
    expect(isRole('admin')).toBe(false);
    expect(isRole('toString')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('lets the ministry, operators and the hub read every school, and everyone else only their own', () => {
    for (const role of ['ministry', 'operator', 'hub'] as const) expect(canReadIssuer(principal(role, 'X'), '31000102')).toBe(true);
    for (const role of ['school', 'teacher', 'principal', 'clerk'] as const) {
      expect(canReadIssuer(principal(role), '31000101')).toBe(true);
      expect(canReadIssuer(principal(role), '31000102')).toBe(false);
    }
  });
});
