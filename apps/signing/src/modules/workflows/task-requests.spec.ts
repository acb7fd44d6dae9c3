import { HTTP_STATUS } from '@edu/errors';
import { describe, expect, it } from 'vitest';
import { ListTasksQuery } from './task-list.js';
import { ApproveTasksCommand, reasonFrom } from './task-requests.js';

const id = (n: number) => `0199a000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    const e = err as { code: string; field: string; kind: keyof typeof HTTP_STATUS; text: { vi: string; en: string } };
    expect(HTTP_STATUS[e.kind]).toBe(400);
    expect(e.text.vi.length && e.text.en.length).toBeTruthy();
    return [e.code, e.field];
  }
  throw new Error('accepted');
};

describe('signing task requests', () => {
  it('accepts 1 to 200 distinct task ids and a PIN, lower-casing the ids', () => {
    const cmd = ApproveTasksCommand.from({ taskIds: [id(1).toUpperCase(), id(2)], pin: '482915' });
    expect(cmd).toMatchObject({ taskIds: [id(1), id(2)], pin: '482915' });
    expect(ApproveTasksCommand.from({ taskIds: Array.from({ length: 200 }, (_, i) => id(i)), pin: 'x' }).taskIds).toHaveLength(200);
  });

  it('refuses every malformed approval with 400 and the field at fault', () => {
    const cases: Array<[unknown, string]> = [
      [null, 'body'],
      [[id(1)], 'body'],
      ['text', 'body'],
      [{ taskIds: [id(1)], pin: '1', extra: true }, 'extra'],
      [{ pin: '1' }, 'taskIds'],
      [{ taskIds: [], pin: '1' }, 'taskIds'],
      [{ taskIds: Array.from({ length: 201 }, (_, i) => id(i)), pin: '1' }, 'taskIds'],
      [{ taskIds: id(1), pin: '1' }, 'taskIds'],
      [{ taskIds: [id(1), 'nope'], pin: '1' }, 'taskIds[1]'],
      [{ taskIds: [id(1), 7], pin: '1' }, 'taskIds[1]'],
      [{ taskIds: [id(1), id(1).toUpperCase()], pin: '1' }, 'taskIds[1]'],
      [{ taskIds: [id(1)] }, 'pin'],
      [{ taskIds: [id(1)], pin: 123456 }, 'pin'],
      [{ taskIds: [id(1)], pin: '' }, 'pin'],
      [{ taskIds: [id(1)], pin: 'x'.repeat(129) }, 'pin'],
    ];
    for (const [body, field] of cases) expect(refusal(() => ApproveTasksCommand.from(body)), JSON.stringify(body)?.slice(0, 60)).toEqual(['SIGNING.REQUEST_INVALID', field]);
  });

  it('takes a reason of 1 to 500 characters, trimmed', () => {
    expect(reasonFrom({ reason: '  Sai điểm môn Toán  ' })).toBe('Sai điểm môn Toán');
    expect(reasonFrom({ reason: 'đ'.repeat(500) })).toHaveLength(500);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 5 }, { reason: 'x'.repeat(501) }])
      expect(refusal(() => reasonFrom(body))).toEqual(['SIGNING.REQUEST_INVALID', 'reason']);
    expect(refusal(() => reasonFrom({ reason: 'ok', by: 'me' }))).toEqual(['SIGNING.REQUEST_INVALID', 'by']);
  });

  it('lists PENDING tasks 50 at a time unless asked otherwise', () => {
    expect(ListTasksQuery.from({})).toMatchObject({ state: 'PENDING', cursor: null, limit: 50 });
    expect(ListTasksQuery.from({ state: 'signed', limit: '200', cursor: id(9).toUpperCase() })).toMatchObject({ state: 'SIGNED', cursor: id(9), limit: 200 });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ state: 'DONE' }, 'state'],
      [{ state: ['PENDING', 'SIGNED'] }, 'state'],
      [{ limit: '0' }, 'limit'],
      [{ limit: '201' }, 'limit'],
      [{ limit: '1.5' }, 'limit'],
      [{ limit: 'ten' }, 'limit'],
      [{ cursor: '42' }, 'cursor'],
    ];
    for (const [q, field] of cases) expect(refusal(() => ListTasksQuery.from(q)), JSON.stringify(q)).toEqual(['SIGNING.REQUEST_INVALID', field]);
  });
});
