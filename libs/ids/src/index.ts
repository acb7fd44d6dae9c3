export * from './id-problem.js';
export * from './personal-id.js';
export * from './provinces.js';
export * from './sector-id.js';
