export * from './data-source.js';
export { DataSource, EntityManager } from 'typeorm';
export type { MigrationInterface, QueryRunner } from 'typeorm';
export * from './persistence.module.js';
export * from './insert-rows.js';
export * from './prepared-query.js';
