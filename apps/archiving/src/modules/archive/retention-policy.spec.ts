import { describe, expect, it } from 'vitest';
import { retentionDays } from './retention-policy.js';

describe('retentionDays', () => {
  const config = { RETENTION_DAYS_HOC_BA: 36_500, RETENTION_DAYS_ACCOUNTING: 3_653, RETENTION_DAYS_DEFAULT: 7_300 };

  it('keeps each document class for its own period', () => {
    expect(retentionDays('hoc-ba', config)).toBe(36_500);
    expect([retentionDays('hoa-don', config), retentionDays('hop-dong', config)]).toEqual([3_653, 3_653]);
    expect(['so-diem', 'bang-diem', 'chung-chi', 'chung-nhan'].map((t) => retentionDays(t, config))).toEqual([7_300, 7_300, 7_300, 7_300]);
  });
});
