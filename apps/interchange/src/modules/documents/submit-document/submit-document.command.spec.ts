import type { Principal } from '@edu/auth';
import { DomainError } from '@edu/errors';
import { describe, expect, it } from 'vitest';
import { HOA_DON, HOP_DONG } from '../domain/administrative.type.js';
import { exampleContext } from '../domain/example-context.fixture.js';
import { SubmitDocumentCommand } from './submit-document.command.js';

const school: Principal = { clientId: 'school-app', org: '31000201', role: 'school', scopes: [] } as unknown as Principal;
const { content } = HOA_DON.buildExample(exampleContext('THCS', 8));
const body = { type: 'hoa-don', issuerCode: '31000201', schoolYear: '2025-2026', content };

function refusal(b: object): DomainError {
  try {
    SubmitDocumentCommand.from(b, 'k-1', school);
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('SubmitDocumentCommand of an invoice or contract', () => {
  it('takes no subject, or an empty one, and numbers the record within the school', () => {
    for (const b of [body, { ...body, subject: {} }]) {
      const cmd = SubmitDocumentCommand.from(b, 'k-1', school);
      expect([cmd.studentId, cmd.className, cmd.aboutItself, cmd.subject]).toEqual([null, null, true, {}]);
      expect(cmd.recordKey).toBe('31000201|2|C25TAA|104');
      expect(cmd.attachments.map((a) => [a.field, a.size])).toEqual([['content.attachment', (content as { attachment: { size: number } }).attachment.size]]);
    }
    const contract = HOP_DONG.buildExample(exampleContext('THCS', 8)).content;
    expect(SubmitDocumentCommand.from({ ...body, type: 'hop-dong', content: contract }, 'k-2', school).recordKey).toBe('31000201|000103/2025/HĐ-31000201');
  });

  it('refuses a subject naming a student, or one that is not an object', () => {
    expect(refusal({ ...body, subject: { studentId: '3100000103' } })).toMatchObject({ code: 'INTERCHANGE.SCHEMA_INVALID', field: 'subject.studentId' });
    expect(refusal({ ...body, subject: 'THPT01' })).toMatchObject({ code: 'INTERCHANGE.SCHEMA_INVALID', field: 'subject' });
  });
});
