import { ConsoleLogger } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * The correlation id of the work in progress: taken from a request's `X-Correlation-Id` (or made), carried in every
 * event's envelope, and restored around each consumed event, so every log line and every event of one submission
 * share it.
 */
const storage = new AsyncLocalStorage<string>();

export const CORRELATION_HEADER = 'x-correlation-id';
const VALID = /^[A-Za-z0-9._:-]{1,128}$/;

export function currentCorrelationId(): string | undefined {
  return storage.getStore();
}

export function withCorrelationId<R>(id: string, work: () => R): R {
  return storage.run(id, work);
}

/** The caller's id when it is well-formed, else a new one. */
export function correlationIdFrom(header: unknown): string {
  return typeof header === 'string' && VALID.test(header) ? header : randomUUID();
}

/** Nest's console logger with the correlation id in front of each message logged inside correlated work. */
export class CorrelatedLogger extends ConsoleLogger {
  protected override formatMessage(...args: Parameters<ConsoleLogger['formatMessage']>): string {
    const id = currentCorrelationId();
    const [logLevel, message, ...rest] = args;
    return super.formatMessage(logLevel, id && typeof message === 'string' ? `[corr=${id}] ${message}` : message, ...rest);
  }
}
