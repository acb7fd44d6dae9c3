import { trace } from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { prometheusExporter } from './sdk.js';

/** Serves Prometheus text for this process; answers 503 when the SDK was not loaded (`--import` missing). */
export function serveMetrics(req: IncomingMessage, res: ServerResponse): void {
  const exporter = prometheusExporter();
  if (!exporter) {
    res.statusCode = 503;
    res.end('# telemetry not started\n');
    return;
  }
  exporter.getMetricsRequestHandler(req, res);
}

/** The W3C traceparent of the active span, to carry across the outbox where automatic propagation cannot. */
export function currentTraceparent(): string | undefined {
  const ctx = trace.getActiveSpan()?.spanContext();
  if (!ctx || !ctx.traceId) return undefined;
  return `00-${ctx.traceId}-${ctx.spanId}-0${ctx.traceFlags.toString(16)}`;
}
