import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../test/support/stack.js';
import { openServiceDataSource } from './data-source.js';
import { preparedQuery } from './prepared-query.js';
import type { DataSource } from 'typeorm';

const schema = `itest_prepared_${randomUUID().slice(0, 8)}`;

describe('preparedQuery against PostgreSQL', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: stackEnv().DATABASE_URL, schema, migrations: [], poolSize: 2 });
    await ds.query('CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL)');
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('prepares the statement once on the connection and answers each call with its own parameters', async () => {
    const seen = await ds.transaction(async (em) => {
      const insert = 'INSERT INTO items (id, name) VALUES ($1, $2) RETURNING id, name';
      const first = await preparedQuery<Array<{ id: number; name: string }>>(em, 'itest-insert-item', insert, [1, 'một']);
      const second = await preparedQuery<Array<{ id: number; name: string }>>(em, 'itest-insert-item', insert, [2, 'hai']);
      const statements: Array<{ name: string; statement: string }> = await em.query('SELECT name, statement FROM pg_prepared_statements');
      return { first, second, statements };
    });
    expect(seen.first).toEqual([{ id: 1, name: 'một' }]);
    expect(seen.second).toEqual([{ id: 2, name: 'hai' }]);
    expect(seen.statements).toContainEqual({ name: 'itest-insert-item', statement: 'INSERT INTO items (id, name) VALUES ($1, $2) RETURNING id, name' });
  });

  it('answers an UPDATE as TypeORM does, with the rows and the count', async () => {
    await ds.query(`INSERT INTO items (id, name) VALUES (10, 'mười') ON CONFLICT DO NOTHING`);
    const [rows, count] = await preparedQuery<[Array<{ id: number }>, number]>(ds, 'itest-rename-item', 'UPDATE items SET name = $2 WHERE id = $1 RETURNING id', [10, 'ten']);
    expect(rows).toEqual([{ id: 10 }]);
    expect(count).toBe(1);
  });

  it('reports a failing statement as a query error, not a crash', async () => {
    await expect(preparedQuery(ds, 'itest-bad-item', 'INSERT INTO items (id, name) VALUES ($1, NULL)', [20])).rejects.toThrow(/null value/);
  });
});
