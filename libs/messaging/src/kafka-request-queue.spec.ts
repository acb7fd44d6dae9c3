import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kafkaRequestQueueClass, type RequestQueueInternals } from './kafka-request-queue.js';
import { KAFKAJS_RELEASE_FIXED, kafkajsRelease } from './kafkajs-internals.js';

interface Queue extends RequestQueueInternals {
  push(request: object): void;
  fulfillRequest(response: { correlationId: number; payload: Buffer | null; size: number }): void;
  maybeThrottle(ms: number): void;
}

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const newQueue = (maxInFlightRequests: number): Queue => {
  const RequestQueue = kafkaRequestQueueClass() as unknown as new (opts: object) => Queue;
  expect(RequestQueue).toBeDefined();
  return new RequestQueue({ maxInFlightRequests, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'spec', broker: 'b:9092', logger: silent });
};

/** A request as kafkajs's Connection pushes it; `sent` records when its bytes would go out. */
function request(correlationId: number, sent: number[]) {
  return {
    entry: { correlationId, apiKey: 0, apiName: 'Produce', apiVersion: 3, resolve() {}, reject() {} },
    expectResponse: true,
    sendRequest: () => sent.push(correlationId),
  };
}

describe('kafkajs request queue, as fixed at import', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is the kafkajs release the fixes were written for (another one leaves them out: re-check its internals)', () => {
    expect(kafkajsRelease()).toBe(KAFKAJS_RELEASE_FIXED);
  });

  it('arms no timer once a response leaves nothing waiting (kafkajs 2.2.4 re-armed one every millisecond)', () => {
    const queue = newQueue(1);
    const sent: number[] = [];
    queue.push(request(1, sent));
    queue.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    expect(sent).toEqual([1]);
    expect(queue.throttleCheckTimeoutId).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends a request held back by the in-flight limit when the slot frees', () => {
    const queue = newQueue(1);
    const sent: number[] = [];
    queue.push(request(1, sent));
    queue.push(request(2, sent));
    expect(sent).toEqual([1]);
    queue.fulfillRequest({ correlationId: 1, payload: null, size: 0 });
    expect(sent).toEqual([1, 2]);
    queue.fulfillRequest({ correlationId: 2, payload: null, size: 0 });
    vi.advanceTimersByTime(1_000);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends a request held back by broker throttling when the throttle ends, and then stops checking', () => {
    const queue = newQueue(5);
    const sent: number[] = [];
    queue.maybeThrottle(300);
    queue.push(request(1, sent));
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(299);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(sent).toEqual([1]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
