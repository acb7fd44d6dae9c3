import { describe, expect, it } from 'vitest';
import { currentSchoolYear, DEMO_ORGANISATIONS, demoStudents } from './demo-province.js';

describe('demo province', () => {
  it('starts the school year in September', () => {
    expect(currentSchoolYear(new Date('2026-11-23'))).toBe('2026-2027');
    expect(currentSchoolYear(new Date('2026-05-20'))).toBe('2025-2026');
  });

  it('makes unique, well-formed, deterministic students with coherent ages', () => {
    const a = demoStudents(12, '2026-2027');
    expect(a).toEqual(demoStudents(12, '2026-2027'));
    expect(new Set(a.map((s) => s.student.studentId)).size).toBe(a.length);
    expect(new Set(a.map((s) => s.student.personalId)).size).toBe(a.length);
    for (const { student, enrolment } of a) {
      expect(student.studentId).toMatch(/^31\d{8}$/);
      expect(student.personalId).toMatch(/^031[23]\d{8}$/);
      expect(Number(student.personalId.slice(4, 6))).toBe(Number(student.dateOfBirth.slice(2, 4)));
      expect(student.personalId[3]).toBe(student.gender === 'NU' ? '3' : '2');
      expect(2026 - Number(student.dateOfBirth.slice(0, 4))).toBe(enrolment.grade + 6);
      expect(DEMO_ORGANISATIONS.find((o) => o.code === enrolment.schoolCode)).toBeDefined();
    }
  });
});
