import { HOMEROOM } from '../people/teacher-assignments.js';
import type { SchoolPlan } from './school-plan.js';
import { classSubjects, PRIMARY_HOMEROOM_SUBJECTS } from './school-levels.js';

export interface Assignment {
  personId: string;
  className: string;
  subject: string;
}

/**
 * Who teaches what at one school. Every class gets a homeroom teacher; in primary classes the homeroom teacher also
 * teaches the core subjects. Every other subject goes to a teacher whose specialty it is (specialties are dealt out
 * in turn), classes shared out in turn among them; a school too small to have one falls back on any teacher.
 */
export function* classAssignments(school: SchoolPlan, teachers: readonly string[]): Generator<Assignment> {
  if (!teachers.length) return;
  const subjects = [...new Set(school.classes.flatMap((c) => classSubjects(c.grade, c.index)))];
  const primaryOnly = school.profile.level === 'TIEU_HOC' && teachers.length > school.classes.length;
  const specialists = primaryOnly ? teachers.slice(school.classes.length) : teachers;
  const bySubject = new Map<string, string[]>();
  specialists.forEach((t, j) => {
    const subject = subjects[j % Math.max(1, subjects.length)];
    if (subject) bySubject.set(subject, [...(bySubject.get(subject) ?? []), t]);
  });
  const turns = new Map<string, number>();
  for (const [ci, c] of school.classes.entries()) {
    const homeroom = teachers[ci % teachers.length];
    yield { personId: homeroom, className: c.name, subject: HOMEROOM };
    for (const subject of classSubjects(c.grade, c.index)) {
      if (c.grade <= 5 && PRIMARY_HOMEROOM_SUBJECTS.has(subject)) {
        yield { personId: homeroom, className: c.name, subject };
        continue;
      }
      const pool = bySubject.get(subject) ?? specialists;
      const turn = turns.get(subject) ?? 0;
      turns.set(subject, turn + 1);
      yield { personId: pool[turn % pool.length], className: c.name, subject };
    }
  }
}
