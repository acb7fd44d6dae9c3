import { DomainError, type LocalizedMessage } from '@edu/errors';
import { expect } from 'vitest';
import type { SchoolLevel } from '@edu/contracts';
import { DocumentRuleViolation } from './document-rule.js';
import type { DocumentType, ExampleContext, Expectations } from './document-type.interface.js';

/** What the specs of the class and student documents build their examples from: a class of four in 2025-2026. */

export const CLASSMATES = [
  { studentId: '3100000101', fullName: 'Nguyễn Minh Anh' },
  { studentId: '3100000102', fullName: 'Trần Đức Bảo' },
  { studentId: '3100000103', fullName: 'Lê Hà Chi' },
  { studentId: '3100000104', fullName: 'Phạm Gia Huy' },
] as const;

export function exampleContext(level: SchoolLevel, grade: number): ExampleContext {
  return {
    school: { code: '31000201', name: 'Trường Thực hành Hải Phòng', level },
    schoolYear: '2025-2026',
    student: { studentId: '3100000103', fullName: 'Lê Hà Chi', dateOfBirth: '2011-04-02', gender: 'NU', personalId: '031311123456' },
    className: `${grade}A1`,
    grade,
    classmates: CLASSMATES,
    homeroomTeacher: 'Đỗ Thu Hà',
    principal: 'Vũ Quang Minh',
  };
}

/** The DomainError `run` throws; fails the spec when it returns or throws anything else. */
export function thrown(run: () => unknown): DomainError {
  try {
    run();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a DomainError');
}

/** The rule violation `run` throws (INTERCHANGE.RULE_VIOLATED, with its rule); fails the spec on anything else. */
export function ruleViolation(run: () => unknown): DocumentRuleViolation {
  const err = thrown(run);
  if (err instanceof DocumentRuleViolation && err.code === 'INTERCHANGE.RULE_VIOLATED') return err;
  throw new Error(`expected a rule violation, got ${err.message}`);
}

/**
 * For one document type: the violation `content` yields, checked for its rule and field, and for naming the rule in
 * both languages.
 */
export function ruleExpectation<R extends string>(type: DocumentType, defaults: Expectations) {
  return (content: unknown, rule: R, field: string, expected = defaults): DocumentRuleViolation => {
    const err = ruleViolation(() => type.validate(content, 'content', expected));
    expect([err.rule, err.field]).toEqual([rule, field]);
    expect(err.text.vi).toContain(`Vi phạm quy tắc ${rule} – `);
    expect(err.text.en).toContain(`Rule ${rule} (Circular `);
    return err;
  };
}

/** For one document type (`name` as its schema errors call it): the structure error `content` yields at `field`. */
export function schemaErrorExpectation(type: DocumentType, defaults: Expectations, name: LocalizedMessage) {
  return (content: unknown, field: string): DomainError => {
    const err = thrown(() => type.validate(content, 'content', defaults));
    expect([err.code, err.field]).toEqual(['INTERCHANGE.SCHEMA_INVALID', field]);
    expect(err.text.vi).toContain(`${name.vi} sai cấu trúc tại ${field}`);
    expect(err.text.en).toContain(`${name.en} structure invalid at ${field}`);
    return err;
  };
}
