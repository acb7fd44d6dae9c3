export * from './metrics.js';
export { startTelemetry } from './sdk.js';
