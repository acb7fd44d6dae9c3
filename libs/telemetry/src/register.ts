/**
 * Loaded with `node --import` before anything else, so the instrumentations patch http, pg and kafkajs before
 * Nest imports them. Metrics are served by the service itself at /metrics (see metrics.ts).
 *
 * The ESM hook runs in-thread (`module.registerHooks`) and only for the modules we instrument: the off-thread
 * loader wrapping every module cost ~150 MB per process.
 */
import { register as registerAsyncHooks } from 'node:module';
import { register, supportsSyncHooks } from 'import-in-the-middle/register-hooks.mjs';
import { startTelemetry } from './sdk.js';

const INSTRUMENTED = ['pg', 'kafkajs', 'http', 'https'];
if (supportsSyncHooks()) register({ include: INSTRUMENTED });
else registerAsyncHooks('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: INSTRUMENTED } });
startTelemetry(process.env.OTEL_SERVICE_NAME ?? 'edu-service');
