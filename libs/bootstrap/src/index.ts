export * from './start-service.js';
export * from './raw-body.js';
