import { describe, expect, it } from 'vitest';
import {
  commentTermResult,
  learningResult,
  requiredRegularCount,
  secondaryAward,
  secondaryDecisions,
  termAverageTenths,
  yearAverageTenths,
} from './secondary-assessment.js';

const six = (tenths: number) => new Array<number>(6).fill(tenths);

describe('requiredRegularCount (Circular 22, Art. 7)', () => {
  it.each([
    [35, 2],
    [36, 3],
    [70, 3],
    [71, 4],
    [140, 4],
  ])('%i periods a year → %i regular assessments per term', (periods, count) => {
    expect(requiredRegularCount(periods)).toBe(count);
  });
});

describe('termAverageTenths', () => {
  it('weights mid-term twice and end-of-term three times', () => {
    // (8 + 9 + 2·7 + 3·6) / 7 = 49 / 7 = 7.0
    expect(termAverageTenths([8, 9], 7, 6)).toBe(70);
  });

  it('rounds an exact x.x5 half up, where binary floating point would round down', () => {
    // (5 + 7 + 8 + 2·7.9 + 3·8.2) / 8 = 60.4 / 8 = 7.55 exactly → 7.6
    expect(termAverageTenths([5, 7, 8], 7.9, 8.2)).toBe(76);
    // The trap it avoids: in binary floating point the same sum lands on 7.549999… and rounds to 7.5.
    expect(Math.round(((5 + 7 + 8 + 2 * 7.9 + 3 * 8.2) / 8) * 10)).toBe(75);
    // (5.2 + 7 + 8 + 2·8.2 + 3·6.6) / 8 = 56.4 / 8 = 7.05 → 7.1
    expect(termAverageTenths([5.2, 7, 8], 8.2, 6.6)).toBe(71);
  });

  it('rounds below a half down and above it up', () => {
    // 56.3 / 8 = 7.0375 → 7.0; 56.5 / 8 = 7.0625 → 7.1
    expect(termAverageTenths([8, 7, 6.3], 7, 7)).toBe(70);
    expect(termAverageTenths([8, 7, 6.5], 7, 7)).toBe(71);
  });

  it('reaches the bounds exactly', () => {
    expect(termAverageTenths([10, 10, 10, 10], 10, 10)).toBe(100);
    expect(termAverageTenths([0, 0], 0, 0)).toBe(0);
  });
});

describe('commentTermResult (Circular 22, Art. 9 §1)', () => {
  it('is Đạt only when every assessment of the term is Đạt', () => {
    expect(commentTermResult(['Đạt', 'Đạt', 'Đạt'], 'Đạt', 'Đạt')).toBe('Đạt');
    expect(commentTermResult(['Đạt', 'Chưa đạt', 'Đạt'], 'Đạt', 'Đạt')).toBe('Chưa đạt');
    expect(commentTermResult(['Đạt', 'Đạt'], 'Chưa đạt', 'Đạt')).toBe('Chưa đạt');
    expect(commentTermResult(['Đạt', 'Đạt', 'Đạt', 'Đạt'], 'Đạt', 'Chưa đạt')).toBe('Chưa đạt');
  });
});

describe('yearAverageTenths', () => {
  it('weights term II twice, rounding thirds to the nearest tenth', () => {
    expect(yearAverageTenths(6.5, 7.0)).toBe(68); // 20.5 / 3 = 6.833…
    expect(yearAverageTenths(6.6, 7.0)).toBe(69); // 20.6 / 3 = 6.866…
    expect(yearAverageTenths(8.3, 8.3)).toBe(83); // 24.9 / 3 is 8.2999… in floating point
  });
});

describe('learningResult (Circular 22, Art. 9)', () => {
  const comments = [true, true, true, true];

  it('gives Tốt when every score is ≥ 6.5 and six are ≥ 8.0', () => {
    expect(learningResult({ scoredTenths: [...six(80), 65, 70], commentPassed: comments })).toBe('Tốt');
  });

  it('gives Khá when only five are ≥ 8.0', () => {
    expect(learningResult({ scoredTenths: [...six(80).slice(1), 79, 65, 70], commentPassed: comments })).toBe('Khá');
  });

  it('gives Khá when one score is 6.4, since the drop is only one level', () => {
    expect(learningResult({ scoredTenths: [...six(80), 64, 70], commentPassed: comments })).toBe('Khá');
  });

  it('gives Đạt with one comment subject Chưa đạt and scores at Khá level', () => {
    expect(learningResult({ scoredTenths: [...six(70), 60, 55], commentPassed: [true, false, true, true] })).toBe('Đạt');
  });

  it('gives Chưa đạt when two subjects are below 3.5', () => {
    expect(learningResult({ scoredTenths: [...six(80), 30, 30], commentPassed: comments })).toBe('Chưa đạt');
  });

  it('lifts a result one subject dragged down two levels to the level just above (Art. 9 §2b)', () => {
    // Tốt but for one 4.5 → base Đạt → adjusted to Khá.
    expect(learningResult({ scoredTenths: [...six(80), 70, 45], commentPassed: comments })).toBe('Khá');
    // Tốt but for one 3.0 → base Chưa đạt → adjusted to Đạt.
    expect(learningResult({ scoredTenths: [...six(80), 70, 30], commentPassed: comments })).toBe('Đạt');
    // Tốt but for one comment subject Chưa đạt → base Đạt → adjusted to Khá.
    expect(learningResult({ scoredTenths: [...six(80), 70, 70], commentPassed: [true, false, true, true] })).toBe('Khá');
  });

  it('compares on one-decimal values: 7.9 is not 8.0', () => {
    expect(learningResult({ scoredTenths: [...six(80).slice(1), 79, 70, 70], commentPassed: comments })).toBe('Khá');
  });
});

describe('secondaryDecisions (Art. 12–14)', () => {
  it('promotes with both results Đạt or better and at most 45 days absent', () => {
    expect(secondaryDecisions('Đạt', 'Đạt', 45, false)).toEqual(['PROMOTED']);
    expect(secondaryDecisions('Tốt', 'Khá', 0, true)).toEqual(['PROGRAM_COMPLETED']);
  });

  it('makes a student with 46 days absent repeat, whatever the results', () => {
    expect(secondaryDecisions('Tốt', 'Tốt', 46, false)).toEqual(['REPEAT']);
  });

  it('sends conduct Chưa đạt to summer training and learning Chưa đạt to re-assessment', () => {
    expect(secondaryDecisions('Chưa đạt', 'Tốt', 0, false)).toEqual(['SUMMER_CONDUCT_TRAINING', 'REPEAT']);
    expect(secondaryDecisions('Chưa đạt', 'Chưa đạt', 0, false)).toEqual(['SUMMER_CONDUCT_TRAINING', 'REPEAT']);
    expect(secondaryDecisions('Khá', 'Chưa đạt', 0, false)).toEqual(['RE_ASSESSMENT', 'REPEAT']);
  });
});

describe('secondaryAward (Art. 15)', () => {
  it('gives Xuất sắc for both Tốt and six year averages ≥ 9.0, Giỏi for both Tốt otherwise', () => {
    expect(secondaryAward('Tốt', 'Tốt', [...six(90), 80])).toBe('HOC_SINH_XUAT_SAC');
    expect(secondaryAward('Tốt', 'Tốt', [...six(90).slice(1), 89, 80])).toBe('HOC_SINH_GIOI');
    expect(secondaryAward('Khá', 'Tốt', six(95))).toBeNull();
  });
});
