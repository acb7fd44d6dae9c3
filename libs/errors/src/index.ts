export * from './domain-error.js';
export * from './http-status.js';
export * from './common-errors.js';
export * from './http-exception.filter.js';
