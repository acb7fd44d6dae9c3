/**
 * Operator commands that work on identity's own schema: `seed --out <file>` and
 * `client create --org <code> --role school|ministry|operator`. Events they cause go through the outbox, which the
 * running identity service publishes.
 */
import { DomainError } from '@edu/errors';
import { openServiceDataSource } from '@edu/persistence';
import { commonSchema, loadConfig } from '@edu/config';
import { parseArgs } from 'node:util';
import { IDENTITY_MIGRATIONS } from './migrations/index.js';
import { ClientRegistry } from './modules/clients/client-registry.js';
import { seedDemoProvince } from './modules/seed/seed-demo-province.command.js';

const USAGE = 'usage: cli.js seed --out <file> | client create --org <code> --role school|ministry|operator';

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, org: { type: 'string' }, role: { type: 'string' } },
  });
  const config = loadConfig(commonSchema);
  const dataSource = await openServiceDataSource({ url: config.DATABASE_URL, schema: 'identity', migrations: IDENTITY_MIGRATIONS, poolSize: 2 });
  try {
    if (positionals[0] === 'seed' && values.out) {
      const { seeded, clients } = await seedDemoProvince(dataSource, values.out);
      console.error(seeded ? `seeded the demo province; ${clients.length} demo clients` : 'demo province already present');
      return 0;
    }
    if (positionals[0] === 'client' && positionals[1] === 'create' && values.org && values.role) {
      const client = await dataSource.transaction((em) => new ClientRegistry().create(em, values.org!, values.role!));
      console.log(JSON.stringify({ client_id: client.client_id, client_secret: client.client_secret }));
      return 0;
    }
    console.error(USAGE);
    return 2;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    if (err instanceof DomainError) {
      console.error(JSON.stringify(err.toBody()));
      process.exit(1);
    }
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
