import { describe, expect, it } from 'vitest';
import { DOCUMENT_TYPES, isDocumentTypeName } from './document-types.js';
import { buildHocBaExample, type HocBaExampleInput } from './hoc-ba.example.js';
import { HOC_BA_CONTENT_SCHEMA } from './hoc-ba.schema.js';
import type { SchoolLevel } from '@edu/contracts';
import { validateHocBaContent } from './hoc-ba.validator.js';
import { exampleContext } from './example-context.fixture.js';

const input = (level: SchoolLevel, grade: number, seed?: number): HocBaExampleInput => ({
  student: { studentId: '3100000042', fullName: 'Đặng Thảo Vy', dateOfBirth: '2012-01-09', gender: 'NU' },
  school: { code: '31000999', name: 'Trường Thực hành', level },
  className: `${grade}C`,
  grade,
  schoolYear: '2025-2026',
  homeroomTeacher: 'Mai Văn Sơn',
  principal: 'Tạ Thị Nga',
  seed,
});

const GRADES: Record<SchoolLevel, number[]> = { TIEU_HOC: [1, 2, 3, 4, 5], THCS: [6, 7, 8, 9], THPT: [10, 11, 12] };

describe('buildHocBaExample', () => {
  it('always builds a valid record, for every level, grade and many seeds', () => {
    const results = new Set<string>();
    for (const [level, grades] of Object.entries(GRADES) as [SchoolLevel, number[]][]) {
      for (const grade of grades) {
        for (let seed = 0; seed < 60; seed++) {
          const content = buildHocBaExample(input(level, grade, seed));
          expect(() => validateHocBaContent(content)).not.toThrow();
          results.add(content.level === 'TIEU_HOC' ? content.yearResult : content.learningResult.year);
        }
      }
    }
    // The seeds reach more than one outcome, so fixtures exercise more than the happy path.
    expect(results).toContain('Tốt');
    expect(results).toContain('Khá');
    expect(results).toContain('Hoàn thành tốt');
    expect(results).toContain('Hoàn thành');
  });

  it('is deterministic per seed and varies across seeds', () => {
    expect(buildHocBaExample(input('THCS', 7, 5))).toEqual(buildHocBaExample(input('THCS', 7, 5)));
    expect(buildHocBaExample(input('THCS', 7, 5))).not.toEqual(buildHocBaExample(input('THCS', 7, 6)));
    expect(buildHocBaExample(input('THPT', 10))).toEqual(buildHocBaExample(input('THPT', 10)));
  });

  it('uses the curriculum’s Vietnamese subject names', () => {
    const names = buildHocBaExample(input('THCS', 6, 1)).subjects.map((s) => s.name);
    expect(names).toEqual([
      'Ngữ văn', 'Toán', 'Ngoại ngữ 1', 'Giáo dục công dân', 'Lịch sử và Địa lí', 'Khoa học tự nhiên', 'Công nghệ',
      'Tin học', 'Giáo dục thể chất', 'Nghệ thuật', 'Hoạt động trải nghiệm, hướng nghiệp', 'Nội dung giáo dục của địa phương',
    ]);
  });

  it('leaves out an absent personal ID rather than writing undefined', () => {
    expect(Object.keys(buildHocBaExample(input('THPT', 12, 2)).student)).not.toContain('personalId');
  });
});

describe('DOCUMENT_TYPES', () => {
  it('registers hoc-ba with its signers in order and wired functions', () => {
    const hocBa = DOCUMENT_TYPES['hoc-ba'];
    expect(hocBa.title).toEqual({ vi: 'Học bạ điện tử', en: 'Electronic student record' });
    expect(hocBa.onePer).toBe('student × school year');
    expect(hocBa.signers).toEqual(['homeroom-teacher', 'principal', 'institution-seal']);
    expect(hocBa.contentSchema).toBe(HOC_BA_CONTENT_SCHEMA);
    const { subject, content } = hocBa.buildExample(exampleContext('TIEU_HOC', 3));
    expect(subject).toEqual({ studentId: '3100000103' });
    expect(() => hocBa.validate(content, 'content', { schoolYear: '2025-2026', subject })).not.toThrow();
    expect(hocBa.recordKey(content)).toBe('3100000103');
    expect(isDocumentTypeName('hoc-ba')).toBe(true);
    expect(isDocumentTypeName('toString')).toBe(false);
  });
});
