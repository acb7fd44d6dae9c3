import { describe, expect, it } from 'vitest';
import { CLIENT_ASSERTION_TYPE, IssueTokenCommand } from './issue-token.command.js';

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const refusal = (body: Record<string, unknown>, authorization?: string) => {
  try {
    IssueTokenCommand.from(body, authorization);
    return null;
  } catch (e) {
    return [(e as { code: string }).code, (e as { field: string }).field];
  }
};

describe('IssueTokenCommand', () => {
  it('reads client credentials from Basic (form-urlencoded parts) or the form, with an optional scope', () => {
    const c = IssueTokenCommand.from({ grant_type: 'client_credentials', scope: ' documents:read ' }, basic('school-1', 'a%2Bb'));
    expect(c.credentials).toEqual({ clientId: 'school-1', secret: 'a+b' });
    expect(c.grant).toEqual({ type: 'client_credentials', scope: ['documents:read'] });
    expect(IssueTokenCommand.from({ grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' }, undefined).credentials).toEqual({ clientId: 'x', secret: 'y' });
  });

  it('reads a private_key_jwt assertion, taking the client id from its issuer when the form has none', () => {
    const jwt = `${Buffer.from('{"alg":"ES256"}').toString('base64url')}.${Buffer.from('{"iss":"hub-1"}').toString('base64url')}.sig`;
    const c = IssueTokenCommand.from({ grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: jwt }, undefined);
    expect(c.credentials).toEqual({ clientId: 'hub-1', assertion: jwt });
    expect(refusal({ grant_type: 'client_credentials', client_assertion_type: 'jwt', client_assertion: jwt })).toEqual(['IDENTITY.INVALID_TOKEN_REQUEST', 'client_assertion_type']);
    expect(refusal({ grant_type: 'client_credentials', client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: 'x' })).toEqual(['IDENTITY.ASSERTION_MALFORMED', 'client_assertion']);
    expect(refusal({ grant_type: 'client_credentials', client_secret: 's', client_id: 'c' }, basic('c', 's'))).toEqual(['IDENTITY.INVALID_TOKEN_REQUEST', 'authorization']);
  });

  it('reads an authorization-code redemption by a public client', () => {
    const c = IssueTokenCommand.from({ grant_type: 'authorization_code', client_id: 'console', code: 'c', redirect_uri: 'https://x/cb', code_verifier: 'v' }, undefined);
    expect(c.credentials).toEqual({ clientId: 'console', secret: undefined });
    expect(c.grant).toEqual({ type: 'authorization_code', code: 'c', redirectUri: 'https://x/cb', codeVerifier: 'v' });
    expect(refusal({ grant_type: 'authorization_code', client_id: 'console', code: 'c', redirect_uri: 'https://x/cb' })).toEqual(['IDENTITY.INVALID_TOKEN_REQUEST', 'code_verifier']);
  });

  it('refuses what it cannot read with a 400 and the field', () => {
    expect(refusal({ grant_type: 'password' })).toEqual(['IDENTITY.UNSUPPORTED_GRANT_TYPE', 'grant_type']);
    expect(refusal({ grant_type: 'client_credentials', client_id: 'x' })).toEqual(['IDENTITY.INVALID_TOKEN_REQUEST', 'client_secret']);
    expect(refusal({ grant_type: 'client_credentials' })).toEqual(['IDENTITY.INVALID_TOKEN_REQUEST', 'client_id']);
    expect(refusal({ grant_type: 'client_credentials' }, `Basic ${Buffer.from('no-colon').toString('base64')}`)).toEqual(['IDENTITY.INVALID_TOKEN_REQUEST', 'authorization']);
    expect(refusal({ grant_type: 'client_credentials' }, basic('a', '%E0%A4%A'))).toEqual(['IDENTITY.INVALID_TOKEN_REQUEST', 'authorization']);
  });
});
