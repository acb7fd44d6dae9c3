import { describe, expect, it } from 'vitest';
import { isInstitution, needsSeal } from './institution.js';

describe('isInstitution', () => {
  it('excludes the ministry, departments and district offices', () => {
    expect(['BO', 'SO', 'PHONG', 'so'].map(isInstitution)).toEqual([false, false, false, false]);
  });

  it('includes schools of every level', () => {
    expect(['THPT', 'THCS', 'TIEU_HOC', 'MAM_NON'].every(isInstitution)).toBe(true);
  });
});

describe('needsSeal', () => {
  it('asks for a seal for an active school only', () => {
    expect(needsSeal({ level: 'THPT', status: 'ACTIVE' })).toBe(true);
    expect(needsSeal({ level: 'THPT', status: 'CLOSED' })).toBe(false);
    expect(needsSeal({ level: 'SO', status: 'ACTIVE' })).toBe(false);
  });
});
