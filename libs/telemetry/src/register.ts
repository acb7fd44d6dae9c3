/**
 * Loaded with `node --import` before anything else, so the instrumentations patch http, pg and kafkajs before
 * Nest imports them. Metrics are served by the service itself at /metrics (see metrics.ts).
 */
import { register } from 'node:module';
import { startTelemetry } from './sdk.js';

register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
startTelemetry(process.env.OTEL_SERVICE_NAME ?? 'edu-service');
