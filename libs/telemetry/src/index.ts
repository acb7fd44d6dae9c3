export * from './metrics.js';
export { startTelemetry } from './sdk.js';
export * from './correlation.js';
