import { kafkajsInternal } from './kafkajs-internals.js';

/** The part of kafkajs's per-connection request queue (src/network/requestQueue) that the fix below touches. */
export interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs's own interval for re-checking requests held back by the in-flight limit. */
const CHECK_PENDING_REQUESTS_MS = 10;

/**
 * kafkajs 2.2.4 (tulios/kafkajs#1704, #1751) re-arms a timer after every check of a connection's request queue, even
 * when nothing waits: with `throttledUntil` at -1 the delay is negative, Node runs it after 1 ms, and each connection
 * spins a thousand times a second (Node 24 warns: TimeoutNegativeWarning). Measured here: 33–38 ms of CPU a second
 * per idle service. A check is only needed while requests wait, for the throttle's end or a free in-flight slot; a
 * new request is scheduled by `push`, and every response or timeout checks again.
 */
function scheduleCheckPendingRequests(this: RequestQueueInternals): void {
  if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
  const throttled = this.throttledUntil - Date.now();
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, throttled > 0 ? throttled : CHECK_PENDING_REQUESTS_MS);
}

/** The request queue class of kafkajs (src/network/requestQueue), when it is the release the fix was written for. */
export function kafkaRequestQueueClass(): { prototype: RequestQueueInternals } | undefined {
  return kafkajsInternal('src/network/requestQueue/index.js');
}

/** Replaces the spinning method once per process; idempotent. */
export function fixKafkaRequestQueue(): void {
  const RequestQueue = kafkaRequestQueueClass();
  if (RequestQueue) RequestQueue.prototype.scheduleCheckPendingRequests = scheduleCheckPendingRequests;
}

fixKafkaRequestQueue();
