import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { largeBodyGate } from './large-body-gate.js';

class FakeResponse extends EventEmitter {
  readonly headers = new Map<string, string>();
  answered?: { status: number; body: unknown };
  setHeader(name: string, value: string) {
    this.headers.set(name, value);
  }
  status(status: number) {
    return { json: (body: unknown) => (this.answered = { status, body }) };
  }
  finish() {
    this.emit('close');
  }
}

function harness(concurrent = 2, queue = 2) {
  const gate = largeBodyGate({ threshold: 1000, concurrent, queue });
  const admitted: number[] = [];
  const send = (n: number, headers: Record<string, string> = { 'content-length': '5000' }) => {
    const res = new FakeResponse();
    gate({ headers }, res, () => admitted.push(n));
    return res;
  };
  return { admitted, send };
}

describe('largeBodyGate', () => {
  it('lets small bodies and bodiless requests straight through', () => {
    const { admitted, send } = harness(1, 0);
    send(1);
    send(2, { 'content-length': '1000' });
    send(3, {});
    expect(admitted).toEqual([1, 2, 3]);
  });

  it('admits large bodies a few at a time, the next in order as each response closes', () => {
    const { admitted, send } = harness(2, 5);
    const [a, b] = [send(1), send(2)];
    send(3);
    send(4, { 'transfer-encoding': 'chunked' });
    expect(admitted).toEqual([1, 2]);
    b.finish();
    expect(admitted).toEqual([1, 2, 3]);
    a.finish();
    expect(admitted).toEqual([1, 2, 3, 4]);
  });

  it('forgets a waiting request whose client gave up', () => {
    const { admitted, send } = harness(1, 5);
    const first = send(1);
    send(2).finish();
    send(3);
    first.finish();
    expect(admitted).toEqual([1, 3]);
  });

  it('answers 503 COMMON.BUSY with Retry-After when the queue is full', () => {
    const { admitted, send } = harness(1, 1);
    send(1);
    send(2);
    const third = send(3);
    expect(admitted).toEqual([1]);
    expect(third.headers.get('Retry-After')).toBe('5');
    expect(third.answered).toMatchObject({ status: 503, body: { code: 'COMMON.BUSY', field: 'body' } });
  });
});
