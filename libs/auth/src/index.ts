export * from './principal.js';
export * from './auth-errors.js';
export * from './token-verifier.js';
export * from './auth.guard.js';
export * from './auth.providers.js';
