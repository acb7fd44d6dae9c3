import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { stackEnv } from '../../../../test/support/stack.js';
import { IDENTITY_MIGRATIONS } from '../migrations/index.js';

/**
 * Identity's migrations in a schema of its own on the stack's PostgreSQL, made before the spec file's tests and dropped
 * after them. Returns a getter: the data source exists only once `beforeAll` has run.
 */
export function throwawayIdentitySchema(prefix: string): () => DataSource {
  const schema = `${prefix}_${randomUUID().slice(0, 8)}`;
  let ds: DataSource | undefined;
  beforeAll(async () => {
    ds = await openServiceDataSource({ url: stackEnv().DATABASE_URL, schema, migrations: IDENTITY_MIGRATIONS, poolSize: 2 });
  });
  afterAll(async () => {
    await ds?.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds?.destroy();
  });
  return () => {
    if (!ds) throw new Error('the throwaway schema is made in beforeAll');
    return ds;
  };
}
