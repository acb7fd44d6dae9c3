import type { DataSource } from '@edu/persistence';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemoProvince } from './seed-demo-province.command.js';
import { throwawayIdentitySchema } from '../../testing/throwaway-schema.js';
import { scratchDir } from '../../../../../test/support/scratch-dir.js';

/** The seed on an empty registry in a throwaway schema: once, with history and events, then never again. */
describe('demo seed against PostgreSQL', () => {
  const database = throwawayIdentitySchema('itest_seed');
  let ds: DataSource;
  beforeAll(() => {
    ds = database();
  });

  it('seeds the demo province once and keeps its clients', async () => {
    const out = join(scratchDir('seed-'), 'demo-clients.json');
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
