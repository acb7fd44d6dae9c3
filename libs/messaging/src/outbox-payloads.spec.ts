import { describe, expect, it } from 'vitest';
import { OutboxPayloads } from './outbox-payloads.js';

describe('OutboxPayloads', () => {
  it('hands a payload out once', () => {
    const payloads = new OutboxPayloads(100);
    payloads.remember('e1', Buffer.from('one'));
    expect(payloads.take('e1')?.toString()).toBe('one');
    expect(payloads.take('e1')).toBeUndefined();
    expect(payloads.size).toEqual({ events: 0, bytes: 0 });
  });

  it('drops the oldest payloads when over its size, and never keeps one larger than it', () => {
    const payloads = new OutboxPayloads(10);
    payloads.remember('e1', Buffer.alloc(4));
    payloads.remember('e2', Buffer.alloc(4));
    payloads.remember('e3', Buffer.alloc(4));
    expect(payloads.size).toEqual({ events: 2, bytes: 8 });
    expect(payloads.take('e1')).toBeUndefined();
    expect(payloads.take('e3')).toHaveLength(4);
    payloads.remember('big', Buffer.alloc(11));
    expect(payloads.take('big')).toBeUndefined();
    expect(payloads.size).toEqual({ events: 1, bytes: 4 });
  });

  it('counts a payload remembered twice once', () => {
    const payloads = new OutboxPayloads(10);
    payloads.remember('e1', Buffer.alloc(6));
    payloads.remember('e1', Buffer.alloc(6));
    expect(payloads.size).toEqual({ events: 1, bytes: 6 });
  });
});
