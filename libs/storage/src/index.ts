export * from './object-store.js';
export * from './object-store.provider.js';
export * from './byte-budget.js';
