import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Link } from '@opentelemetry/api';
import { HEADER_ORIGIN_TRACEPARENT } from './outbox-writer.js';
import type { IncomingMessage } from './incoming-message.js';

const tracer = trace.getTracer('edu-messaging');

function originContext(message: IncomingMessage) {
  const value = message.headers?.[HEADER_ORIGIN_TRACEPARENT];
  return value == null ? undefined : propagation.extract(ROOT_CONTEXT, { traceparent: value.toString() });
}

/**
 * Runs a consumer's work in a span whose parent is the trace that caused the event (one event), or that links to each
 * cause (a batch). Events the work appends to the outbox record this span, so one submission's trace runs from the
 * school's HTTP request through every service. The relay's own producer spans cannot carry it: they are made in the
 * relay's context, hence the separate origin header.
 */
export function withEventSpan<R>(topic: string, messages: IncomingMessage[], work: () => Promise<R>): Promise<R> {
  const origins = messages.map(originContext);
  const parent = messages.length === 1 && origins[0] ? origins[0] : context.active();
  const links: Link[] =
    messages.length > 1
      ? origins.flatMap((o) => {
          const sc = o && trace.getSpan(o)?.spanContext();
          return sc ? [{ context: sc }] : [];
        })
      : [];
  return tracer.startActiveSpan(`process ${topic}`, { kind: SpanKind.CONSUMER, links, attributes: { 'messaging.batch.message_count': messages.length } }, parent, async (span) => {
    try {
      return await work();
    } catch (err) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error).message });
      throw err;
    } finally {
      span.end();
    }
  });
}
