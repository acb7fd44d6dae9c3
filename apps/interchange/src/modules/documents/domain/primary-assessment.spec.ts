import { describe, expect, it } from 'vitest';
import { primaryAwardAllowed, primaryDecisions, primaryYearResult } from './primary-assessment.js';
import type { PrimarySubject } from '@edu/contracts';

type Graded = Pick<PrimarySubject, 'level' | 'testScore'>;
const tot = (testScore?: number): Graded => ({ level: 'Hoàn thành tốt', testScore });

describe('primaryYearResult (Circular 27, Art. 9 — our summary)', () => {
  it('grades by subject levels, traits and end-of-year tests', () => {
    expect(primaryYearResult([tot(9), tot(10), tot()], ['Tốt', 'Tốt'])).toBe('Hoàn thành xuất sắc');
    expect(primaryYearResult([tot(8), tot(10), tot()], ['Tốt', 'Tốt'])).toBe('Hoàn thành tốt');
    expect(primaryYearResult([tot(9), tot(10), tot()], ['Tốt', 'Đạt'])).toBe('Hoàn thành');
    expect(primaryYearResult([tot(6), { level: 'Hoàn thành', testScore: 5 }], ['Đạt'])).toBe('Hoàn thành');
  });

  it('never gives more than Chưa hoàn thành with a subject Chưa hoàn thành, a test below 5 or a trait Cần cố gắng', () => {
    expect(primaryYearResult([tot(10), { level: 'Chưa hoàn thành' }], ['Tốt'])).toBe('Chưa hoàn thành');
    expect(primaryYearResult([tot(4)], ['Tốt'])).toBe('Chưa hoàn thành');
    expect(primaryYearResult([tot(10)], ['Cần cố gắng'])).toBe('Chưa hoàn thành');
  });
});

describe('primaryDecisions and primaryAwardAllowed', () => {
  it('completes primary school in grade 5 and re-assesses a Chưa hoàn thành student', () => {
    expect(primaryDecisions('Hoàn thành', 4)).toEqual(['PROMOTED']);
    expect(primaryDecisions('Hoàn thành tốt', 5)).toEqual(['PROGRAM_COMPLETED']);
    expect(primaryDecisions('Chưa hoàn thành', 3)).toEqual(['RE_ASSESSMENT', 'REPEAT']);
  });

  it('ties Xuất sắc to Hoàn thành xuất sắc and leaves Tiêu biểu to the class among Hoàn thành tốt', () => {
    expect(primaryAwardAllowed('Hoàn thành xuất sắc', 'HOC_SINH_XUAT_SAC')).toBe(true);
    expect(primaryAwardAllowed('Hoàn thành xuất sắc', null)).toBe(false);
    expect(primaryAwardAllowed('Hoàn thành tốt', 'HOC_SINH_TIEU_BIEU')).toBe(true);
    expect(primaryAwardAllowed('Hoàn thành tốt', null)).toBe(true);
    expect(primaryAwardAllowed('Hoàn thành', 'HOC_SINH_TIEU_BIEU')).toBe(false);
  });
});
