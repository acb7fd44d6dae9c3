import { checkPersonalId, checkSectorId } from '@edu/ids';
import { parse } from 'csv-parse/sync';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readOrganisationsCsv } from '../organisations/organisations-csv.js';
import { checkRow } from '../roster/domain/roster-rows.js';
import { ROSTER_ROWS } from '../roster/domain/roster-kinds.js';
import { apportion } from './apportion.js';
import { generateDemoData, type DemoDataOptions } from './demo-data-generator.js';
import { readDemoDataOptions } from './demo-data-options.js';
import { scratchDir } from '../../../../../test/support/scratch-dir.js';

const FILES = ['organisations.csv', 'teachers.csv', 'assignments.csv', 'students.csv'];
const options = (seed: string): DemoDataOptions => ({
  province: 'haiphong', schools: 100, teachers: 4_000, students: 30_000, seed, schoolYear: '2025-2026',
  out: scratchDir('demo-data-'),
});
const hash = (dir: string) => createHash('sha256').update(FILES.map((f) => readFileSync(join(dir, f))).join('\0')).digest('hex');
const rows = (dir: string, file: string): Array<Record<string, string>> => parse(readFileSync(join(dir, file)), { columns: true });

describe('demo data generator', () => {
  const a = options('s1');
  let students: Array<Record<string, string>>;
  let staff: Array<Record<string, string>>;
  let orgs: Array<Record<string, string>>;

  beforeAll(() => {
    expect(generateDemoData(a)).toEqual({ organisations: 117, teachers: 4_000, assignments: expect.any(Number), students: 30_000 });
    [students, staff, orgs] = ['students.csv', 'teachers.csv', 'organisations.csv'].map((f) => rows(a.out, f));
  });

  it('writes the same bytes for the same seed, and other bytes for another', () => {
    const again = options('s1');
    generateDemoData(again);
    expect(hash(again.out)).toBe(hash(a.out));
    const other = options('s2');
    generateDemoData(other);
    expect(hash(other.out)).not.toBe(hash(a.out));
  });

  it('gives everyone a valid, unique sector ID and a personal ID that matches their birth date and gender', () => {
    const ids = [...students.map((s) => s.student_id), ...staff.map((t) => t.person_id)];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(checkSectorId(id), id).toBeNull();
    const people = [...students, ...staff].filter((p) => p.personal_id);
    expect(new Set(people.map((p) => p.personal_id)).size).toBe(people.length);
    for (const p of people) expect(checkPersonalId(p.personal_id, p.date_of_birth, p.gender as 'NAM' | 'NU'), p.personal_id).toBeNull();
    expect(staff.every((t) => t.personal_id)).toBe(true);
    expect(students.filter((s) => !s.personal_id).every((s) => s.grade === '0')).toBe(true);
    const homeShare = people.filter((p) => p.personal_id.startsWith('031')).length / people.length;
    expect(homeShare).toBeGreaterThan(0.85);
    expect(homeShare).toBeLessThan(0.97);
  });

  it('writes rows that pass every check of the roster import', () => {
    const today = new Date().toISOString().slice(0, 10);
    for (const kind of ['students', 'teachers', 'assignments'] as const) {
      const [header, ...records]: string[][] = parse(readFileSync(join(a.out, `${kind}.csv`)));
      expect(header).toEqual(ROSTER_ROWS[kind].columns);
      const problems = records.flatMap((values) => checkRow(ROSTER_ROWS[kind], values, today).map((p) => `${kind} ${values[0]}: ${p.code}`));
      expect(problems.slice(0, 5)).toEqual([]);
    }
  });

  it('makes ages agree with grades and names look Vietnamese', () => {
    for (const s of students) {
      const age = 2025 - Number(s.date_of_birth.slice(0, 4));
      if (s.grade === '0') expect([3, 4, 5]).toContain(age);
      else expect(age).toBe(Number(s.grade) + 6);
    }
    const nguyen = students.filter((s) => s.full_name.startsWith('Nguyễn ')).length / students.length;
    expect(nguyen).toBeGreaterThan(0.34);
    expect(nguyen).toBeLessThan(0.42);
    expect(students.every((s) => s.full_name.split(' ').length === 3 && s.full_name === s.full_name.normalize('NFC'))).toBe(true);
  });

  it('mixes school levels and class sizes as a province does', () => {
    const levels = new Map<string, number>();
    for (const o of orgs.slice(17)) levels.set(o.level, (levels.get(o.level) ?? 0) + 1);
    expect(Object.fromEntries(levels)).toEqual({ MAM_NON: 35, TIEU_HOC: 30, THCS: 25, THPT: 7, GDTX: 2, LIEN_CAP: 1 });
    const levelOf = new Map(orgs.map((o) => [o.code, o.level]));
    const classes = new Map<string, number>();
    for (const s of students) classes.set(`${s.school_code}|${s.class_name}`, (classes.get(`${s.school_code}|${s.class_name}`) ?? 0) + 1);
    const mean = (level: string) => {
      const sizes = [...classes].filter(([k]) => levelOf.get(k.split('|')[0]) === level).map(([, n]) => n);
      return sizes.reduce((x, y) => x + y, 0) / sizes.length;
    };
    expect(mean('MAM_NON')).toBeGreaterThan(22);
    expect(mean('MAM_NON')).toBeLessThan(34);
    expect(mean('TIEU_HOC')).toBeGreaterThan(29);
    expect(mean('THPT')).toBeGreaterThan(36);
    expect(mean('THPT')).toBeLessThan(50);
  });

  it('writes an organisations.csv that the registry accepts, parents first', () => {
    const { rows: read, problems } = readOrganisationsCsv(readFileSync(join(a.out, 'organisations.csv'), 'utf8'));
    expect(problems).toEqual([]);
    const seen = new Set<string>();
    for (const { draft } of read) {
      if (draft.parentCode) expect(seen.has(draft.parentCode), draft.code).toBe(true);
      seen.add(draft.code);
    }
    expect(read.slice(0, 3).map((r) => r.draft.code)).toEqual(['BGDDT', '31000000', '31010000']);
    expect(read.filter((r) => r.draft.level === 'PHONG')).toHaveLength(15);
  });

  it('gives every school a principal and a clerk, and every class a homeroom teacher of its school', () => {
    const schools = orgs.filter((o) => !['BO', 'SO', 'PHONG'].includes(o.level)).map((o) => o.code);
    for (const role of ['PRINCIPAL', 'CLERK']) expect(staff.filter((t) => t.role === role).map((t) => t.org_code).sort()).toEqual(schools.sort());
    const teacherAt = new Map(staff.filter((t) => t.role === 'TEACHER').map((t) => [t.person_id, t.org_code]));
    const assignments = rows(a.out, 'assignments.csv');
    for (const x of assignments) expect(teacherAt.get(x.person_id)).toBe(x.school_code);
    const homerooms = new Set(assignments.filter((x) => x.subject === 'CHU_NHIEM').map((x) => `${x.school_code}|${x.class_name}`));
    expect(homerooms).toEqual(new Set(students.map((s) => `${s.school_code}|${s.class_name}`)));
    expect(new Set(assignments.map((x) => x.subject))).toContain('TOAN');
  });

  it('reads presets and refuses impossible requests', () => {
    expect(readDemoDataOptions({ preset: 'haiphong', out: '/tmp/x', 'school-year': '2025-2026' })).toMatchObject({
      province: 'Hải Phòng', schools: 800, teachers: 32_000, students: 521_000, seed: 'edu-interop',
    });
    expect(() => readDemoDataOptions({ preset: 'hanoi', out: '/tmp/x' })).toThrow(/preset/);
    expect(() => readDemoDataOptions({ province: 'Hải Phòng', schools: '-1', teachers: '1', students: '1', out: '/x' })).toThrow(/schools/);
    expect(() => readDemoDataOptions({ preset: 'haiphong', out: '/x', 'school-year': '2025-2027' })).toThrow(/school-year/);
    expect(() => generateDemoData({ ...options('x'), teachers: 10 })).toThrow(/teachers/);
    expect(() => generateDemoData({ ...options('x'), province: 'Atlantis' })).toThrow(/province/);
  });

  it('apportions totals exactly', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(800, [0.35, 0.3, 0.25, 0.07, 0.02, 0.01])).toEqual([280, 240, 200, 56, 16, 8]);
    expect(apportion(5, [0, 0])).toEqual([5, 0]);
  });
});
