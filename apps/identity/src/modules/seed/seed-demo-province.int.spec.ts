import { openServiceDataSource, type DataSource } from '@edu/persistence';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stackEnv } from '../../../../../test/support/stack.js';
import { IDENTITY_MIGRATIONS } from '../../migrations/index.js';
import { seedDemoProvince } from './seed-demo-province.command.js';

/** The seed on an empty registry in a throwaway schema: once, with history and events, then never again. */
describe('demo seed against PostgreSQL', () => {
  const env = stackEnv();
  const schema = `itest_seed_${randomUUID().slice(0, 8)}`;
  let ds: DataSource;

  beforeAll(async () => {
    ds = await openServiceDataSource({ url: env.DATABASE_URL, schema, migrations: IDENTITY_MIGRATIONS, poolSize: 2 });
  });

  afterAll(async () => {
    await ds.query(`DROP SCHEMA ${schema} CASCADE`);
    await ds.destroy();
  });

  it('seeds the demo province once and keeps its clients', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'seed-')), 'demo-clients.json');
    const first = await seedDemoProvince(ds, out);
    expect(first.seeded).toBe(true);
    expect(first.clients.map((c) => `${c.role}:${c.org}`)).toContain('operator:31000000');
    expect(await ds.query(`SELECT code, version FROM organisations ORDER BY code`)).toHaveLength(7);
    const [{ n: created }] = await ds.query(`SELECT count(*)::int AS n FROM organisation_history WHERE change = 'CREATED' AND actor = 'seed'`);
    expect(created).toBe(7);
    const [{ n: students }] = await ds.query('SELECT count(*)::int AS n FROM students');
    expect(students).toBe(48);
    const [{ n: events }] = await ds.query(`SELECT count(*)::int AS n FROM outbox WHERE topic = 'identity.organisation-registered.v1'`);
    expect(events).toBe(7);

    const again = await seedDemoProvince(ds, out);
    expect(again.seeded).toBe(false);
    expect(again.clients).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    expect(again.clients.map((c) => c.client_id)).toEqual(first.clients.map((c) => c.client_id));
  });
});
