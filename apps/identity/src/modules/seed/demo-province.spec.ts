import { checkPersonalId, checkSectorId } from '@edu/ids';
import { describe, expect, it } from 'vitest';
import { readOrganisationsCsv } from '../organisations/organisations-csv.js';
import { currentSchoolYear, DEMO_CLIENTS, DEMO_ORGANISATIONS, demoStudents } from './demo-province.js';

describe('demo province', () => {
  it('starts the school year in September', () => {
    expect(currentSchoolYear(new Date('2026-11-23'))).toBe('2026-2027');
    expect(currentSchoolYear(new Date('2026-05-20'))).toBe('2025-2026');
  });

  it('keeps the codes that tests, benchmarks and the README rely on', () => {
    expect(DEMO_ORGANISATIONS.map((o) => o.code)).toEqual(['BGDDT', '31000000', '31020000', '31000101', '31000102', '31020201', '31020301']);
    expect(DEMO_CLIENTS.map((c) => `${c.role}:${c.org}`)).toEqual([
      'school:31000101', 'school:31000102', 'school:31020201', 'school:31020301', 'ministry:BGDDT', 'operator:31000000',
    ]);
    const csv = ['code,name,level,parent_code,address', ...DEMO_ORGANISATIONS.map((o) => [o.code, o.name, o.level, o.parentCode ?? '', `"${o.address}"`].join(','))];
    expect(readOrganisationsCsv(csv.join('\n')).problems).toEqual([]);
  });

  it('makes unique, valid, deterministic students with coherent ages', () => {
    const a = demoStudents(12, '2026-2027');
    expect(a).toEqual(demoStudents(12, '2026-2027'));
    expect(a).toHaveLength(48);
    expect(new Set(a.map((s) => s.student.studentId)).size).toBe(a.length);
    expect(new Set(a.map((s) => s.student.personalId)).size).toBe(a.length);
    for (const { student, enrolment } of a) {
      expect(checkSectorId(student.studentId)).toBeNull();
      expect(checkPersonalId(student.personalId!, student.dateOfBirth, student.gender)).toBeNull();
      expect(2026 - Number(student.dateOfBirth.slice(0, 4))).toBe(enrolment.grade + 6);
      expect(DEMO_ORGANISATIONS.find((o) => o.code === enrolment.schoolCode)).toBeDefined();
    }
  });
});
