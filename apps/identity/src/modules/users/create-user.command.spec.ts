import { describe, expect, it } from 'vitest';
import { CreateUserCommand } from './create-user.command.js';

const good = { username: 'HieuTruong.01', orgCode: '31000101', role: 'principal', password: 'mười hai ký tự trở lên' };
const refusal = (body: Record<string, unknown>) => {
  try {
    CreateUserCommand.from(body);
    return null;
  } catch (e) {
    return [(e as { code: string }).code, (e as { field: string }).field];
  }
};

describe('CreateUserCommand', () => {
  it('lower-cases the username and keeps the rest', () => {
    expect(CreateUserCommand.from({ ...good, personId: 'GV-310001' })).toMatchObject({ username: 'hieutruong.01', role: 'principal', personId: 'GV-310001' });
    expect(CreateUserCommand.from(good).personId).toBeNull();
  });

  it('holds passwords to at least 12 characters (counted as people see them), at most 256, without the username', () => {
    expect(refusal({ ...good, password: 'ngắn quá' })).toEqual(['IDENTITY.INVALID_USER_REQUEST', 'password']);
    // 12 letters with diacritics typed as combining marks (NFD) are still 12 characters.
    expect(refusal({ ...good, password: 'Đường Trần Ph'.normalize('NFD') })).toBeNull();
    expect(refusal({ ...good, password: 'x'.repeat(257) })).toEqual(['IDENTITY.INVALID_USER_REQUEST', 'password']);
    expect(refusal({ ...good, password: 'my name is hieutruong.01!' })).toEqual(['IDENTITY.INVALID_USER_REQUEST', 'password']);
  });

  it('refuses bad usernames, unknown roles and missing fields', () => {
    expect(refusal({ ...good, username: 'a b' })).toEqual(['IDENTITY.INVALID_USER_REQUEST', 'username']);
    expect(refusal({ ...good, username: '.hidden' })).toEqual(['IDENTITY.INVALID_USER_REQUEST', 'username']);
    expect(refusal({ ...good, role: 'school' })).toEqual(['IDENTITY.UNKNOWN_ROLE', 'role']);
    expect(refusal({ ...good, orgCode: undefined })).toEqual(['IDENTITY.INVALID_USER_REQUEST', 'orgCode']);
    expect(refusal({ ...good, personId: 'x'.repeat(65) })).toEqual(['IDENTITY.INVALID_USER_REQUEST', 'personId']);
  });
});
