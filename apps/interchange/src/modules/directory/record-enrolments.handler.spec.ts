import type { EventPayload, Topics } from '@edu/contracts';
import type { EntityManager } from '@edu/persistence';
import { describe, expect, it } from 'vitest';
import type { DirectoryEnrolment, DirectoryRepository } from './directory.repository.js';
import { RecordEnrolmentsHandler } from './record-enrolments.handler.js';

type StudentEnrolled = EventPayload<typeof Topics.StudentEnrolled>;

const event = (studentId: string, schoolYear: string, schoolCode: string, personalId = ''): { payload: StudentEnrolled } =>
  ({ payload: { studentId, schoolYear, schoolCode, className: '10A1', grade: 10, fullName: 'Lê Văn An', dateOfBirth: '2010-01-01', gender: 'NAM', personalId, previousSchoolCode: '' } as StudentEnrolled });

describe('record enrolments handler', () => {
  it('writes a batch with one statement, the latest event of a student and school year winning', async () => {
    const calls: DirectoryEnrolment[][] = [];
    const directory = { upsertEnrolments: async (_em: EntityManager, rows: DirectoryEnrolment[]) => void calls.push(rows) } as unknown as DirectoryRepository;
    const handler = new RecordEnrolmentsHandler(directory);
    await handler.applyBatch(
      [event('3150000002', '2025-2026', '31000101', '031310123456'), event('3150000010', '2025-2026', '31000101'), event('3150000002', '2025-2026', '31000102', '031310123456'), event('3150000002', '2026-2027', '31000102')],
      {} as EntityManager,
    );
    expect(calls).toHaveLength(1);
    expect(calls[0].map((r) => [r.studentId, r.schoolYear, r.schoolCode, r.personalId])).toEqual([
      ['3150000002', '2025-2026', '31000102', '031310123456'],
      ['3150000010', '2025-2026', '31000101', null],
      ['3150000002', '2026-2027', '31000102', null],
    ]);
  });
});
